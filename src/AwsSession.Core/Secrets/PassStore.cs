using System.Security.Cryptography;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// pass, the standard Unix password manager: one gpg-encrypted entry aws-session/PROFILE per profile. The secret goes
/// to `pass insert` on stdin and comes back from `pass show` on stdout, never in an argument.
/// </summary>
public sealed class PassStore(EnvironmentVariables env, ExternalTool pass) : ISecretStore
{
    public const string BackendName = "pass";

    public string Name => BackendName;

    private string StoreDirectory => env.Get("PASSWORD_STORE_DIR") ?? Path.Combine(env.Home, ".password-store");

    private static string Entry(string profile) => $"{StoreNames.Service}/{StoreNames.Profile(profile)}";

    private bool Exists(string profile) => File.Exists(Path.Combine(StoreDirectory, Entry(profile) + ".gpg"));

    public async Task<StoredKey?> GetAsync(string profile, CancellationToken ct)
    {
        if (!Exists(profile))
            return null;
        using var result = await pass.RunAsync(["show", Entry(profile)], null, ct);
        if (result.ExitCode != 0)
            throw new AwsSessionException($"pass could not decrypt {Entry(profile)}: {result.ErrorLine}", hint: "is gpg-agent running, and the key's passphrase available?");
        return StoredKeyPayload.Decode(result.Output, profile, $"pass entry {Entry(profile)}");
    }

    public async Task SetAsync(StoredKey key, CancellationToken ct)
    {
        var payload = StoredKeyPayload.Encode(key);
        try
        {
            using var result = await pass.RunAsync(["insert", "--multiline", "--force", Entry(key.Profile)], payload, ct);
            if (result.ExitCode != 0)
                throw new AwsSessionException($"pass could not store {Entry(key.Profile)}: {result.ErrorLine}", hint: "is the store initialised (pass init GPG-ID)?");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public async Task<bool> RemoveAsync(string profile, CancellationToken ct)
    {
        if (!Exists(profile))
            return false;
        using var result = await pass.RunAsync(["rm", "--force", Entry(profile)], null, ct);
        return result.ExitCode == 0 ? true
            : throw new AwsSessionException($"pass could not remove {Entry(profile)}: {result.ErrorLine}");
    }

    public async Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct)
    {
        var dir = Path.Combine(StoreDirectory, StoreNames.Service);
        if (!Directory.Exists(dir))
            return [];
        var list = new List<StoredKeyInfo>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.gpg").Order(StringComparer.Ordinal))
        {
            var profile = Path.GetFileNameWithoutExtension(file);
            if (await GetAsync(profile, ct) is { } key)
                list.Add(key.Info(Name));
        }
        return list;
    }
}
