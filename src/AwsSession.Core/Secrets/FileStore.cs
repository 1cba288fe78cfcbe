using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AwsSession.Config;
using AwsSession.Domain;
using Konscious.Security.Cryptography;

namespace AwsSession.Secrets;

/// <summary>
/// One encrypted file per profile (0600, in a 0700 directory): AES-256-GCM under a key derived from a passphrase with
/// Argon2id. The header (profile, key id, date, KDF parameters) is in clear and authenticated, so listing needs no
/// passphrase and an edited header fails like a wrong passphrase. A wrong passphrase is an error and nothing is written.
/// </summary>
public sealed class FileStore(string directory, IPassphrase passphrase) : ISecretStore
{
    public const string BackendName = "file";
    public const string DirectoryVariable = "AWS_SESSION_FILE_DIR";
    private const string Suffix = ".key.json";
    private const int Format = 1;

    // OWASP's Argon2id minimum (19 MiB, 2 passes, 1 lane); stored per file so stronger settings can come later.
    private static readonly KdfParameters Default = new(19 * 1024, 2, 1);

    public static string DefaultDirectory(EnvironmentVariables env) =>
        env.Get(DirectoryVariable)
        ?? Path.Combine(env.Get("XDG_DATA_HOME") ?? Path.Combine(env.Home, ".local", "share"), "aws-session", "keys");

    public string Name => BackendName;

    public string Directory => directory;

    private string? _passphrase;

    public Task<StoredKey?> GetAsync(string profile, CancellationToken ct)
    {
        var file = ReadFile(PathOf(profile), profile);
        return Task.FromResult(file is null ? null : Decrypt(file, Passphrase(confirm: false)));
    }

    public Task SetAsync(StoredKey key, CancellationToken ct)
    {
        // Any existing file proves the passphrase before anything is written; the first file asks for it twice.
        var existing = ReadFile(PathOf(key.Profile), key.Profile) ?? AnyFile();
        var secret = Passphrase(confirm: existing is null);
        if (existing is not null)
            Decrypt(existing, secret);
        SecureFiles.EnsureDirectory(directory);
        SecureFiles.Write(PathOf(key.Profile), Encrypt(key, secret));
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string profile, CancellationToken ct)
    {
        var path = PathOf(profile);
        if (!File.Exists(path))
            return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct)
    {
        IReadOnlyList<StoredKeyInfo> list = Files()
            .Select(f => new StoredKeyInfo(f.Profile, f.AccessKeyId, f.Created, Name))
            .OrderBy(i => i.Profile, StringComparer.Ordinal).ToList();
        return Task.FromResult(list);
    }

    private string PathOf(string profile) => Path.Combine(directory, StoreNames.Profile(profile) + Suffix);

    private string Passphrase(bool confirm) => _passphrase ??= passphrase.Get(confirm);

    private KeyFile? AnyFile() => Files().FirstOrDefault();

    private IEnumerable<KeyFile> Files()
    {
        if (!System.IO.Directory.Exists(directory))
            yield break;
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, "*" + Suffix).Order(StringComparer.Ordinal))
        {
            var profile = Path.GetFileName(path)[..^Suffix.Length];
            if (ReadFile(path, profile) is { } f)
                yield return f;
        }
    }

    private static KeyFile? ReadFile(string path, string profile)
    {
        var text = SecureFiles.ReadText(path);
        return text is null ? null : KeyFile.Parse(text, profile, path);
    }

    private static byte[] Encrypt(StoredKey key, string passphrase)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var header = new KeyFile(key.Profile, key.AccessKeyId, key.Created, Default, salt, nonce, [], []);
        var plain = StoredKeyPayload.Encode(key);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        var aesKey = Derive(passphrase, salt, Default);
        try
        {
            using var aes = new AesGcm(aesKey, 16);
            aes.Encrypt(nonce, plain, cipher, tag, header.AssociatedData());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(aesKey);
        }
        return (header with { Ciphertext = cipher, Tag = tag }).ToJson();
    }

    private StoredKey Decrypt(KeyFile file, string passphrase)
    {
        var aesKey = Derive(passphrase, file.Salt, file.Kdf);
        var plain = new byte[file.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(aesKey, 16);
            aes.Decrypt(file.Nonce, file.Ciphertext, file.Tag, plain, file.AssociatedData());
            var key = StoredKeyPayload.Decode(plain, file.Profile, $"key file {Path.Combine(directory, file.Profile + Suffix)}");
            return key.AccessKeyId == file.AccessKeyId ? key
                : throw new AwsSessionException($"the key file of profile '{file.Profile}' does not match its header: not using it");
        }
        catch (AuthenticationTagMismatchException)
        {
            _passphrase = null;
            throw new AwsSessionException($"wrong passphrase for the key file of profile '{file.Profile}' (or the file was altered); nothing was changed",
                hint: $"check {Secrets.Passphrase.Variable}, or type the passphrase you chose when the first key was added");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(aesKey);
        }
    }

    private static byte[] Derive(string passphrase, byte[] salt, KdfParameters kdf)
    {
        var password = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            using var argon = new Argon2id(password) { Salt = salt, MemorySize = kdf.MemoryKiB, Iterations = kdf.Iterations, DegreeOfParallelism = kdf.Lanes };
            return argon.GetBytes(32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
        }
    }

    private sealed record KdfParameters(int MemoryKiB, int Iterations, int Lanes);

    private sealed record KeyFile(string Profile, string AccessKeyId, DateTimeOffset Created, KdfParameters Kdf, byte[] Salt, byte[] Nonce, byte[] Ciphertext, byte[] Tag)
    {
        /// <summary>Everything in clear, bound to the ciphertext: changing any of it fails decryption.</summary>
        public byte[] AssociatedData() => Encoding.UTF8.GetBytes(
            $"aws-session key file {Format}\n{Profile}\n{AccessKeyId}\n{Output.Digits.Iso(Created)}\nargon2id m={Kdf.MemoryKiB} t={Kdf.Iterations} p={Kdf.Lanes}\n");

        public byte[] ToJson()
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteNumber("aws_session_key_file", Format);
                w.WriteString("profile", Profile);
                w.WriteString("aws_access_key_id", AccessKeyId);
                w.WriteString("created", Output.Digits.Iso(Created));
                w.WriteString("kdf", "argon2id");
                w.WriteNumber("memory_kib", Kdf.MemoryKiB);
                w.WriteNumber("iterations", Kdf.Iterations);
                w.WriteNumber("lanes", Kdf.Lanes);
                w.WriteString("cipher", "aes-256-gcm");
                w.WriteBase64String("salt", Salt);
                w.WriteBase64String("nonce", Nonce);
                w.WriteBase64String("ciphertext", Ciphertext);
                w.WriteBase64String("tag", Tag);
                w.WriteEndObject();
            }
            stream.WriteByte((byte)'\n');
            return stream.ToArray();
        }

        public static KeyFile Parse(string text, string profile, string path)
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                var r = doc.RootElement;
                if (r.GetProperty("aws_session_key_file").GetInt32() != Format || r.GetProperty("kdf").GetString() != "argon2id"
                    || r.GetProperty("cipher").GetString() != "aes-256-gcm" || r.GetProperty("profile").GetString() != profile)
                    throw new FormatException();
                var kdf = new KdfParameters(r.GetProperty("memory_kib").GetInt32(), r.GetProperty("iterations").GetInt32(), r.GetProperty("lanes").GetInt32());
                if (kdf.MemoryKiB is < 8 * 1024 or > 4 * 1024 * 1024 || kdf.Iterations is < 1 or > 100 || kdf.Lanes is < 1 or > 64)
                    throw new FormatException();
                var created = DateTimeOffset.Parse(r.GetProperty("created").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                return new KeyFile(profile, r.GetProperty("aws_access_key_id").GetString()!, created, kdf,
                    r.GetProperty("salt").GetBytesFromBase64(), r.GetProperty("nonce").GetBytesFromBase64(),
                    r.GetProperty("ciphertext").GetBytesFromBase64(), r.GetProperty("tag").GetBytesFromBase64()) is { Nonce.Length: 12, Tag.Length: 16 } f
                    && KeyFormat.IsAccessKeyId(f.AccessKeyId) ? f : throw new FormatException();
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
            {
                throw new AwsSessionException($"{path} is not an aws-session key file (corrupt, or written by another program): not using it",
                    hint: $"move it away, or remove it with `aws-session remove {profile} --backend file`");
            }
        }
    }
}
