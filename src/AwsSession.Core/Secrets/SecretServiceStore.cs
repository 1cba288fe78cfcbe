using System.Security.Cryptography;
using AwsSession.Domain;
using Tmds.DBus.Protocol;

namespace AwsSession.Secrets;

/// <summary>
/// The freedesktop Secret Service (GNOME Keyring, KWallet, KeePassXC) over the session bus. One item per profile in
/// the default collection, labelled "aws-session: ..." with attributes service=aws-session and profile=NAME
/// (`secret-tool lookup service aws-session profile NAME` finds it). Secrets cross the bus in a
/// dh-ietf1024-sha256-aes128-cbc-pkcs7 session; a locked item or collection is unlocked through the service's own prompt.
/// </summary>
public sealed class SecretServiceStore(string? busAddress, TimeSpan? promptTimeout = null) : ISecretStore, IDisposable
{
    public const string BackendName = "secret-service";
    private const string Bus = "org.freedesktop.secrets";
    private const string ServicePath = "/org/freedesktop/secrets";
    private const string ServiceInterface = "org.freedesktop.Secret.Service";
    private const string ItemInterface = "org.freedesktop.Secret.Item";
    private const string CollectionInterface = "org.freedesktop.Secret.Collection";
    private const string PromptInterface = "org.freedesktop.Secret.Prompt";
    private const string ContentType = "text/plain";

    private DBusConnection? _connection;
    private SecretServiceCrypto? _crypto;
    private ObjectPath _session;

    public string Name => BackendName;

    public async Task<StoredKey?> GetAsync(string profile, CancellationToken ct)
    {
        var items = await FindAsync(Attributes(profile), ct);
        return items.Count switch
        {
            0 => null,
            1 => await ReadAsync(items[0], profile, ct),
            _ => throw new AwsSessionException($"the Secret Service holds {items.Count} aws-session entries for profile '{profile}': not guessing which one is right",
                hint: $"remove them with `aws-session remove {profile}` and add the key again"),
        };
    }

    public async Task SetAsync(StoredKey key, CancellationToken ct)
    {
        var c = await ConnectAsync(ct);
        var collection = await DefaultCollectionAsync(ct);
        if (await GetPropertyAsync(collection, CollectionInterface, "Locked", ct) is { } locked && locked.GetBool())
            await UnlockAsync([collection], ct);
        var payload = StoredKeyPayload.Encode(key);
        var (iv, value) = _crypto is null ? (Array.Empty<byte>(), payload.ToArray()) : _crypto.Encrypt(payload);
        CryptographicOperations.ZeroMemory(payload);
        try
        {
            var (_, prompt) = await CallAsync(collection, CollectionInterface, "CreateItem", "a{sv}(oayays)b", (ref MessageWriter w) =>
            {
                var props = w.WriteDictionaryStart();
                w.WriteDictionaryEntryStart();
                w.WriteString(ItemInterface + ".Label");
                w.WriteVariantString(StoreNames.Label(key.Profile));
                w.WriteDictionaryEntryStart();
                w.WriteString(ItemInterface + ".Attributes");
                w.WriteSignature("a{ss}");
                WriteAttributes(ref w, Attributes(key.Profile));
                w.WriteDictionaryEnd(props);
                WriteSecret(ref w, _session, iv, value);
                w.WriteBool(true);
            }, (m, _) =>
            {
                var r = m.GetBodyReader();
                return (r.ReadObjectPathAsString(), r.ReadObjectPathAsString());
            }, ct);
            if (prompt != "/")
                await PromptAsync(prompt, ct);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(value);
        }
        _ = c;
    }

    public async Task<bool> RemoveAsync(string profile, CancellationToken ct)
    {
        var items = await FindAsync(Attributes(profile), ct);
        foreach (var item in items)
        {
            var prompt = await CallAsync(item, ItemInterface, "Delete", null, null, (m, _) => m.GetBodyReader().ReadObjectPathAsString(), ct);
            if (prompt != "/")
                await PromptAsync(prompt, ct);
        }
        return items.Count > 0;
    }

    public async Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct)
    {
        var list = new List<StoredKeyInfo>();
        foreach (var item in await FindAsync(new Dictionary<string, string> { ["service"] = StoreNames.Service }, ct))
        {
            var attributes = await GetPropertyAsync(item, ItemInterface, "Attributes", ct);
            var profile = attributes?.GetDictionary<string, string>().GetValueOrDefault("profile");
            if (profile is null)
                continue;
            list.Add((await ReadAsync(item, profile, ct)).Info(Name));
        }
        return list.OrderBy(i => i.Profile, StringComparer.Ordinal).ToList();
    }

    public void Dispose()
    {
        _crypto?.Dispose();
        _connection?.Dispose();
    }

    private static Dictionary<string, string> Attributes(string profile) =>
        new() { ["service"] = StoreNames.Service, ["profile"] = StoreNames.Profile(profile) };

    /// <summary>The matching items, unlocked first when some are locked (the service prompts for that).</summary>
    private async Task<List<string>> FindAsync(Dictionary<string, string> attributes, CancellationToken ct)
    {
        await ConnectAsync(ct);
        var (unlocked, locked) = await CallAsync(ServicePath, ServiceInterface, "SearchItems", "a{ss}",
            (ref MessageWriter w) => WriteAttributes(ref w, attributes),
            (m, _) =>
            {
                var r = m.GetBodyReader();
                return (r.ReadArrayOfObjectPath().Select(p => p.ToString()).ToList(), r.ReadArrayOfObjectPath().Select(p => p.ToString()).ToList());
            }, ct);
        if (locked.Count > 0)
            await UnlockAsync(locked, ct);
        return [.. unlocked, .. locked];
    }

    private async Task<StoredKey> ReadAsync(string item, string profile, CancellationToken ct)
    {
        var (iv, value) = await CallAsync(item, ItemInterface, "GetSecret", "o", (ref MessageWriter w) => w.WriteObjectPath(_session), (m, _) =>
        {
            var r = m.GetBodyReader();
            r.AlignStruct();
            r.ReadObjectPath();
            var parameters = r.ReadArrayOfByte();
            var secret = r.ReadArrayOfByte();
            return (parameters, secret);
        }, ct);
        byte[] plain;
        try
        {
            plain = _crypto is null ? value : _crypto.Decrypt(iv, value);
        }
        catch (CryptographicException)
        {
            throw new AwsSessionException($"the Secret Service entry for profile '{profile}' could not be decrypted: not using it");
        }
        try
        {
            return StoredKeyPayload.Decode(plain, profile, $"Secret Service entry for profile '{profile}'");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(value);
        }
    }

    private async Task<string> DefaultCollectionAsync(CancellationToken ct)
    {
        var path = await CallAsync(ServicePath, ServiceInterface, "ReadAlias", "s", (ref MessageWriter w) => w.WriteString("default"),
            (m, _) => m.GetBodyReader().ReadObjectPathAsString(), ct);
        if (path != "/")
            return path;
        // No default keyring yet (a fresh account): ask the service to create one; it prompts for its password.
        var (created, prompt) = await CallAsync(ServicePath, ServiceInterface, "CreateCollection", "a{sv}s", (ref MessageWriter w) =>
        {
            var props = w.WriteDictionaryStart();
            w.WriteDictionaryEntryStart();
            w.WriteString(CollectionInterface + ".Label");
            w.WriteVariantString("Login");
            w.WriteDictionaryEnd(props);
            w.WriteString("default");
        }, (m, _) =>
        {
            var r = m.GetBodyReader();
            return (r.ReadObjectPathAsString(), r.ReadObjectPathAsString());
        }, ct);
        if (created != "/")
            return created;
        var result = await PromptAsync(prompt, ct);
        return result.Type == VariantValueType.ObjectPath ? result.GetObjectPathAsString()
            : throw new AwsSessionException("the Secret Service created no default keyring");
    }

    private async Task UnlockAsync(IReadOnlyList<string> objects, CancellationToken ct)
    {
        var prompt = await CallAsync(ServicePath, ServiceInterface, "Unlock", "ao", (ref MessageWriter w) => w.WriteArray(objects.Select(o => new ObjectPath(o)).ToArray()),
            (m, _) =>
            {
                var r = m.GetBodyReader();
                r.ReadArrayOfObjectPath();
                return r.ReadObjectPathAsString();
            }, ct);
        if (prompt != "/")
            await PromptAsync(prompt, ct);
    }

    /// <summary>Shows the service's own prompt (unlock, confirm) and waits for the person: dismissed is an error.</summary>
    private async Task<VariantValue> PromptAsync(string prompt, CancellationToken ct)
    {
        var c = _connection!;
        var done = new TaskCompletionSource<(bool Dismissed, VariantValue Result)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watch = await c.WatchSignalAsync(null, prompt, PromptInterface, "Completed",
            (m, _) =>
            {
                var r = m.GetBodyReader();
                return (r.ReadBool(), r.ReadVariantValue());
            },
            (Notification<(bool, VariantValue)> n) =>
            {
                if (n.HasValue)
                    done.TrySetResult(n.Value);
                else if (n.IsCompletion)
                    done.TrySetException(n.CompletionReason);
            }, ObserverFlags.None, emitOnCapturedContext: false, null);
        await CallAsync(prompt, PromptInterface, "Prompt", "s", (ref MessageWriter w) => w.WriteString(""), (_, _) => 0, ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(promptTimeout ?? TimeSpan.FromMinutes(2));
        try
        {
            var (dismissed, result) = await done.Task.WaitAsync(limit.Token);
            return dismissed
                ? throw new AwsSessionException("the Secret Service's prompt was dismissed: the keyring stays locked", hint: "unlock it (e.g. in Seahorse) and try again")
                : result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AwsSessionException("nobody answered the Secret Service's unlock prompt in time", hint: "unlock the keyring and try again");
        }
    }

    private async Task<DBusConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is not null)
            return _connection;
        if (string.IsNullOrEmpty(busAddress))
            throw new AwsSessionException("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no Secret Service",
                hint: "run inside your desktop session, or choose --backend pass or file");
        var connection = new DBusConnection(busAddress);
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        catch (Exception e) when (e is DBusExceptionBase or TimeoutException or IOException)
        {
            connection.Dispose();
            throw new AwsSessionException($"cannot connect to the D-Bus session bus: {ErrorText.Outside(e.Message)}", hint: "choose --backend pass or file");
        }
        _connection = connection;
        await OpenSessionAsync(ct);
        return connection;
    }

    private async Task OpenSessionAsync(CancellationToken ct)
    {
        var crypto = new SecretServiceCrypto();
        try
        {
            var (output, session) = await CallAsync(ServicePath, ServiceInterface, "OpenSession", "sv", (ref MessageWriter w) =>
            {
                w.WriteString(SecretServiceCrypto.Algorithm);
                w.WriteSignature("ay");
                w.WriteArray(crypto.PublicKey);
            }, (m, _) =>
            {
                var r = m.GetBodyReader();
                var v = r.ReadVariantValue();
                return (v.GetArray<byte>(), r.ReadObjectPathAsString());
            }, ct);
            crypto.Complete(output);
            _crypto = crypto;
            _session = new ObjectPath(session);
        }
        catch (AwsSessionException) when (_notSupported)
        {
            // A service without the DH algorithm: plain, as libsecret falls back to. The bus is this user's own.
            crypto.Dispose();
            var session = await CallAsync(ServicePath, ServiceInterface, "OpenSession", "sv", (ref MessageWriter w) =>
            {
                w.WriteString("plain");
                w.WriteVariantString("");
            }, (m, _) =>
            {
                var r = m.GetBodyReader();
                r.ReadVariantValue();
                return r.ReadObjectPathAsString();
            }, ct);
            _session = new ObjectPath(session);
        }
    }

    private bool _notSupported;

    private Task<VariantValue?> GetPropertyAsync(string path, string @interface, string property, CancellationToken ct) =>
        CallAsync<VariantValue?>(path, "org.freedesktop.DBus.Properties", "Get", "ss", (ref MessageWriter w) =>
        {
            w.WriteString(@interface);
            w.WriteString(property);
        }, (m, _) => m.GetBodyReader().ReadVariantValue(), ct);

    private delegate void Body(ref MessageWriter writer);

    private async Task<T> CallAsync<T>(string path, string @interface, string member, string? signature, Body? body, MessageValueReader<T> reader, CancellationToken ct)
    {
        var c = _connection ?? throw new InvalidOperationException("not connected");
        MessageBuffer message;
        var w = c.GetMessageWriter();
        try
        {
            w.WriteMethodCallHeader(Bus, path, @interface, member, signature);
            body?.Invoke(ref w);
            message = w.CreateMessage();
        }
        finally
        {
            w.Dispose();
        }
        try
        {
            return await c.CallMethodAsync(message, reader).WaitAsync(TimeSpan.FromSeconds(30), ct);
        }
        catch (DBusErrorReplyException e)
        {
            _notSupported = e.ErrorName == "org.freedesktop.DBus.Error.NotSupported";
            throw new AwsSessionException(e.ErrorName switch
            {
                "org.freedesktop.DBus.Error.ServiceUnknown" => "no Secret Service is running on the session bus (GNOME Keyring, KWallet or KeePassXC)",
                "org.freedesktop.Secret.Error.IsLocked" => "the keyring is locked",
                _ => $"the Secret Service refused {member}: {ErrorText.Printable(e.ErrorMessage)}",
            }, hint: member == "OpenSession" ? "start gnome-keyring-daemon, or choose --backend pass or file" : null);
        }
        catch (TimeoutException)
        {
            throw new AwsSessionException($"the Secret Service did not answer {member} in time");
        }
        catch (DBusExceptionBase e)
        {
            throw new AwsSessionException($"the D-Bus connection failed during {member}: {ErrorText.Outside(e.Message)}");
        }
    }

    private static void WriteAttributes(ref MessageWriter w, Dictionary<string, string> attributes)
    {
        var dict = w.WriteDictionaryStart();
        foreach (var (k, v) in attributes)
        {
            w.WriteDictionaryEntryStart();
            w.WriteString(k);
            w.WriteString(v);
        }
        w.WriteDictionaryEnd(dict);
    }

    private static void WriteSecret(ref MessageWriter w, ObjectPath session, byte[] parameters, byte[] value)
    {
        w.WriteStructureStart();
        w.WriteObjectPath(session);
        w.WriteArray(parameters);
        w.WriteArray(value);
        w.WriteString(ContentType);
    }
}
