using System.Buffers;
using System.Globalization;
using System.Text;
using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>
/// Cache keys are hashes, so file names reveal neither key ids nor ARNs. Parts are length-prefixed so that
/// ("ab","c") and ("a","bc") never collide.
/// </summary>
public static class CacheKeys
{
    /// <summary>An MFA session belongs to one base identity: access key id + profile + MFA serial.</summary>
    public static string MfaSession(string accessKeyId, string profile, string? mfaSerial) =>
        "mfa-" + Hash("mfa", accessKeyId, profile, mfaSerial ?? "(auto)");

    /// <summary>
    /// A role session belongs to its source session + role ARN + external id + session name, and its source identity
    /// and tags when it has any (a key without them is the key it always was).
    /// </summary>
    public static string RoleSession(string sourceKey, string roleArn, string? externalId, string? sessionName, SessionAttributes? attributes = null) =>
        "role-" + (attributes is null || attributes.IsEmpty
            ? Hash("role", sourceKey, roleArn, externalId ?? "", sessionName ?? "(default)")
            : Hash("role", sourceKey, roleArn, externalId ?? "", sessionName ?? "(default)", attributes.Canonical()));

    /// <summary>An IAM Identity Center role session belongs to its sign-in (session name or start URL), account and role.</summary>
    public static string SsoRole(string ssoSession, string accountId, string roleName) => "sso-" + Hash("sso-role", ssoSession, accountId, roleName);

    /// <summary>The source key of a session found in the environment: its access key id, hashed.</summary>
    public static string EnvironmentSession(string accessKeyId) => "env-" + Hash("env", accessKeyId);

    /// <summary>Account lists share the directory with sessions; their names start with <see cref="AccountsPrefix"/>.</summary>
    public static string Accounts(string owner) => AccountsPrefix + Hash("accounts", owner);

    public const string AccountsPrefix = "accounts-";

    /// <summary>The picker's recent choices in one list (e.g. "accounts" + the list's owner).</summary>
    public static string Recent(string list) => RecentPrefix + Hash("recent", list);

    public const string RecentPrefix = "recent-";

    /// <summary>
    /// The first 16 bytes, in hex, of the SHA-256 of "LENGTH:PART\n" for each part (its length in UTF-16 units, the
    /// part in UTF-8). Written straight into one buffer: every cache hit computes three or four of these.
    /// </summary>
    public static string Hash(params ReadOnlySpan<string> parts)
    {
        var most = 0;
        foreach (var p in parts)
            most += 12 + Encoding.UTF8.GetMaxByteCount(p.Length);
        byte[]? rented = null;
        Span<byte> buffer = most <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(most));
        var n = 0;
        foreach (var p in parts)
        {
            p.Length.TryFormat(buffer[n..], out var digits, provider: CultureInfo.InvariantCulture);
            n += digits;
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(p, buffer[n..]);
            buffer[n++] = (byte)'\n';
        }
        var digest = Sha256.Hash(buffer[..n]);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
