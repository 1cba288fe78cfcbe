using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// The macOS keychain through /usr/bin/security: a generic password with service "aws-session" and the profile as its
/// account. Writing goes through `security -i` with the command on stdin and the payload hex-encoded (-X), because
/// `add-generic-password -w SECRET` would put the secret on a command line that every process can read.
/// </summary>
public sealed partial class KeychainStore(ExternalTool security) : ISecretStore
{
    public const string BackendName = "keychain";
    public const string ToolVariable = "AWS_SESSION_KEYCHAIN_TOOL";
    public const string DefaultTool = "/usr/bin/security";
    private const int NotFound = 44;

    public string Name => BackendName;

    public async Task<StoredKey?> GetAsync(string profile, CancellationToken ct)
    {
        using var result = await security.RunAsync(["find-generic-password", "-s", StoreNames.Service, "-a", StoreNames.Profile(profile), "-w"], null, ct);
        if (result.ExitCode == NotFound)
            return null;
        if (result.ExitCode != 0)
            throw new AwsSessionException($"the keychain could not read the entry of profile '{profile}': {result.ErrorLine}", hint: "is the keychain unlocked?");
        return StoredKeyPayload.Decode(result.Output, profile, $"keychain entry {StoreNames.Service}/{profile}");
    }

    public async Task SetAsync(StoredKey key, CancellationToken ct)
    {
        var payload = StoredKeyPayload.Encode(key);
        var hex = Convert.ToHexString(payload);
        var script = Encoding.UTF8.GetBytes(
            $"add-generic-password -U -s {StoreNames.Service} -a {StoreNames.Profile(key.Profile)} -l {StoreNames.Service}:{key.Profile} -X {hex}\n");
        try
        {
            using var result = await security.RunAsync(["-i"], script, ct);
            // `security -i` reports a failed command on stderr but may still exit 0: read the entry back to be sure.
            if (result.ExitCode != 0 || result.Error.Contains("error", StringComparison.OrdinalIgnoreCase))
                throw new AwsSessionException($"the keychain could not store the key of profile '{key.Profile}': {result.ErrorLine}", hint: "is the keychain unlocked?");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            CryptographicOperations.ZeroMemory(script);
        }
        if (await GetAsync(key.Profile, ct) is not { } back || back.AccessKeyId != key.AccessKeyId)
            throw new AwsSessionException($"the keychain did not keep the key of profile '{key.Profile}'");
    }

    public async Task<bool> RemoveAsync(string profile, CancellationToken ct)
    {
        using var result = await security.RunAsync(["delete-generic-password", "-s", StoreNames.Service, "-a", StoreNames.Profile(profile)], null, ct);
        return result.ExitCode switch
        {
            0 => true,
            NotFound => false,
            _ => throw new AwsSessionException($"the keychain could not remove the entry of profile '{profile}': {result.ErrorLine}"),
        };
    }

    public async Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct)
    {
        using var dump = await security.RunAsync(["dump-keychain"], null, ct);
        if (dump.ExitCode != 0)
            throw new AwsSessionException($"the keychain could not be listed: {dump.ErrorLine}");
        var list = new List<StoredKeyInfo>();
        foreach (var profile in Accounts(Encoding.UTF8.GetString(dump.Output)))
        {
            if (await GetAsync(profile, ct) is { } key)
                list.Add(key.Info(Name));
        }
        return list;
    }

    /// <summary>The accounts of dump-keychain's items whose service is aws-session (items are separated by "keychain:" lines).</summary>
    public static IReadOnlyList<string> Accounts(string dump) =>
        dump.Split("keychain: ")
            .Where(item => ServiceLine().IsMatch(item))
            .Select(item => AccountLine().Match(item))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^\\s*\"svce\"<blob>=\"aws-session\"\\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();

    [GeneratedRegex("^\\s*\"acct\"<blob>=\"([A-Za-z0-9._@+-]{1,64})\"\\s*$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
