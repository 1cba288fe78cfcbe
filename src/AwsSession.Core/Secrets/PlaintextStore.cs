using System.Text;
using AwsSession.Config;

namespace AwsSession.Secrets;

/// <summary>
/// Today's ~/.aws/credentials (AWS_SHARED_CREDENTIALS_FILE honoured), as a store: the keys in plain text, readable by
/// every tool. The default when no store is configured, so existing setups keep working.
/// </summary>
public sealed class PlaintextStore(EnvironmentVariables env) : ISecretStore
{
    public const string BackendName = "plaintext";
    public static readonly string[] KeyNames = ["aws_access_key_id", "aws_secret_access_key"];

    public string Name => BackendName;

    public string Path => CredentialsPath(env);

    public static string CredentialsPath(EnvironmentVariables env) =>
        env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? System.IO.Path.Combine(env.Home, ".aws", "credentials");

    public Task<StoredKey?> GetAsync(string profile, CancellationToken ct) =>
        Task.FromResult(Read(SecureFiles.ReadText(Path) ?? "", profile));

    public Task SetAsync(StoredKey key, CancellationToken ct)
    {
        var text = SecureFiles.ReadText(Path) ?? "";
        text = IniEdit.Set(text, key.Profile, KeyNames[0], key.AccessKeyId);
        text = IniEdit.Set(text, key.Profile, KeyNames[1], key.SecretAccessKey);
        SecureFiles.Write(Path, Encoding.UTF8.GetBytes(text));
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string profile, CancellationToken ct)
    {
        var text = SecureFiles.ReadText(Path);
        if (text is null)
            return Task.FromResult(false);
        var (edited, removed) = IniEdit.Remove(text, profile, KeyNames);
        if (removed > 0)
            SecureFiles.Write(Path, Encoding.UTF8.GetBytes(edited));
        return Task.FromResult(removed > 0);
    }

    public Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct)
    {
        var text = SecureFiles.ReadText(Path) ?? "";
        IReadOnlyList<StoredKeyInfo> list = IniEdit.Sections(text)
            .Select(s => Read(text, s) is { } k ? new StoredKeyInfo(s, k.AccessKeyId, null, Name) : null)
            .OfType<StoredKeyInfo>().ToList();
        return Task.FromResult(list);
    }

    private static StoredKey? Read(string text, string profile) =>
        IniEdit.Get(text, profile, KeyNames[0]) is { Length: > 0 } id && IniEdit.Get(text, profile, KeyNames[1]) is { Length: > 0 } secret
            ? new StoredKey(profile, id, secret, DateTimeOffset.UnixEpoch)
            : null;
}
