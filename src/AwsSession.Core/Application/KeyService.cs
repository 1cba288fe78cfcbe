using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Application;

/// <summary>Where an added key comes from.</summary>
public enum KeyOrigin { Prompt, Environment, CredentialsFile }

/// <summary>`add`, `remove` and `list`: long-lived keys into, out of and across the secret stores.</summary>
public sealed class KeyService(ToolContext context)
{
    /// <summary>
    /// Stores the profile's key and reads it back. With <paramref name="removePlaintext"/> (import from the credentials
    /// file only) the key's two lines leave ~/.aws/credentials, a 0600 backup is kept until GetCallerIdentity accepts
    /// the stored key, and is deleted then.
    /// </summary>
    public async Task<StoredKey> AddAsync(string profileName, KeyOrigin origin, string? backendFlag, bool removePlaintext, CancellationToken ct)
    {
        var profile = StoreNames.Profile(profileName);
        if (removePlaintext && origin != KeyOrigin.CredentialsFile)
            throw new UsageException("--remove-plaintext goes with --from-credentials-file");
        var backends = context.Backends;
        var backend = backends.ForAdd(profile, backendFlag);
        if (backend == PlaintextStore.BackendName && origin == KeyOrigin.CredentialsFile)
            throw new UsageException("the key is already in the plaintext store (~/.aws/credentials)", "choose a secret store with --backend: " + string.Join(", ", Backends.Names.SkipLast(1)));

        var plaintext = new PlaintextStore(context.Env);
        var (id, secret) = await ReadKeyAsync(profile, origin, plaintext, ct);
        var key = new StoredKey(profile, id, secret, context.Time.GetUtcNow());
        var store = context.Store(backend);
        await store.SetAsync(key, ct);
        if (await store.GetAsync(profile, ct) is not { } back || back.AccessKeyId != key.AccessKeyId || back.SecretAccessKey != key.SecretAccessKey)
            throw new AwsSessionException($"the {backend} store did not give back the key just stored for profile '{profile}'");
        context.Status.Note($"stored the key {Masking.AccessKeyId(id)} of profile '{profile}' in {backend}");
        if (backends.Record(profile, backend))
            context.Status.Note($"{Backends.ConfigKey} = {backend} set for profile '{profile}' in {backends.ConfigPath}");

        if (removePlaintext)
            await RemovePlaintextAsync(plaintext, back, ct);
        return back;
    }

    public async Task<bool> RemoveAsync(string profileName, string? backendFlag, CancellationToken ct)
    {
        var profile = StoreNames.Profile(profileName);
        var backend = context.Backends.For(profile, backendFlag);
        var removed = await context.Store(backend).RemoveAsync(profile, ct);
        context.Status.Note(removed ? $"removed the key of profile '{profile}' from {backend}" : $"{backend} holds no key for profile '{profile}'");
        return removed;
    }

    /// <summary>Every stored key of the given backend, or of every backend in use (plaintext included).</summary>
    public async Task<IReadOnlyList<StoredKeyInfo>> ListAsync(string? backendFlag, CancellationToken ct)
    {
        var names = backendFlag is not null ? [context.Backends.Explicit("default", backendFlag)!]
            : context.Backends.AllConfigured().Append(PlaintextStore.BackendName).Distinct().ToList();
        var all = new List<StoredKeyInfo>();
        foreach (var name in names)
            all.AddRange(await context.Store(name).ListAsync(ct));
        return all;
    }

    private async Task<(string Id, string Secret)> ReadKeyAsync(string profile, KeyOrigin origin, PlaintextStore plaintext, CancellationToken ct)
    {
        var (id, secret) = origin switch
        {
            KeyOrigin.Environment => context.Env.Get("AWS_SESSION_TOKEN") is not null
                ? throw new AwsSessionException("the environment holds a session (AWS_SESSION_TOKEN is set), not long-lived keys", hint: "unset AWS_SESSION_TOKEN, or add the user's own keys")
                : (context.Env.Get("AWS_ACCESS_KEY_ID") ?? throw new AwsSessionException("AWS_ACCESS_KEY_ID is not set"),
                   context.Env.Get("AWS_SECRET_ACCESS_KEY") ?? throw new AwsSessionException("AWS_SECRET_ACCESS_KEY is not set")),
            KeyOrigin.CredentialsFile => await plaintext.GetAsync(profile, ct) is { } k ? (k.AccessKeyId, k.SecretAccessKey)
                : throw new AwsSessionException($"{plaintext.Path} has no aws_access_key_id and aws_secret_access_key for profile '{profile}'"),
            _ => Ask(),
        };
        if (!KeyFormat.IsAccessKeyId(id))
            throw new AwsSessionException($"'{Masking.AccessKeyId(id)}' is not an access key id (16 to 128 capital letters and digits, e.g. AKIA...)");
        if (!KeyFormat.IsSecret(secret))
            throw new AwsSessionException("the secret access key is not one (printable, no spaces, 16 to 256 characters)");
        if (id.StartsWith("ASIA", StringComparison.Ordinal))
            throw new AwsSessionException($"{Masking.AccessKeyId(id)} is a temporary key (ASIA...): only an IAM user's long-lived keys can be stored");
        return (id, secret);
    }

    private (string, string) Ask()
    {
        var prompt = context.SecretPrompt();
        if (!prompt.CanPrompt)
            throw new AwsSessionException("no terminal to ask for the key on", hint: "use --from-env or --from-credentials-file");
        return (prompt.Ask("Access key id", secret: false), prompt.Ask("Secret access key (not shown)", secret: true));
    }

    private async Task RemovePlaintextAsync(PlaintextStore plaintext, StoredKey key, CancellationToken ct)
    {
        var backup = plaintext.Path + ".aws-session-backup";
        var original = SecureFiles.ReadText(plaintext.Path) ?? "";
        SecureFiles.Write(backup, System.Text.Encoding.UTF8.GetBytes(original));
        await plaintext.RemoveAsync(key.Profile, ct);
        context.Status.Note($"removed the key lines of profile '{key.Profile}' from {plaintext.Path}; backup in {backup} until the stored key is verified");
        CallerIdentity identity;
        try
        {
            var profiles = context.Profiles();
            var profile = profiles.FindInFiles(key.Profile);
            var region = context.Env.Get("AWS_REGION") ?? context.Env.Get("AWS_DEFAULT_REGION") ?? profile?.Region ?? Config.Endpoints.GlobalRegion;
            identity = await context.Gateways(region, Config.AwsReach.Resolve(context.Env, profile, profiles)).Sts.GetCallerIdentityAsync(key.Credentials, ct);
        }
        catch (AwsSessionException e)
        {
            throw new AwsSessionException($"the stored key {Masking.AccessKeyId(key.AccessKeyId)} could not be verified ({e.Message}); the backup {backup} is kept",
                hint: "check the key, then delete the backup yourself (or restore it: mv it back)", inner: e);
        }
        SecureFiles.TryDelete(backup);
        context.Status.Note($"verified with GetCallerIdentity ({identity.Arn}); backup deleted");
    }
}
