using System.Buffers;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Accounts;

/// <summary>ROLE as a name, a path/name, or a full ARN (whose account then wins).</summary>
public static class RoleArns
{
    public const string DefaultRole = "OrganizationAccountAccessRole";

    public static bool IsArn(string? s) => s is not null && s.StartsWith("arn:", StringComparison.Ordinal);

    public static string Build(string accountId, string? role, string partition = "aws")
    {
        role = Check(role ?? DefaultRole);
        return IsArn(role) ? role : $"arn:{partition}:iam::{accountId}:role/{role}";
    }

    /// <summary>
    /// ROLE as typed, validated before any call: an ARN as is, a name or path/name without its outer slashes.
    /// Throws <see cref="UsageException"/> (exit 2) for anything STS would refuse.
    /// </summary>
    public static string Check(string role)
    {
        if (IsArn(role))
            return Parse(role).Arn;
        var path = role.Trim('/');
        if (!IsRolePath(path))
            throw new UsageException($"'{ErrorText.Printable(role)}' is not a role name", "use NAME, PATH/NAME or arn:aws:iam::ACCOUNT:role/NAME");
        return path;
    }

    public static (string Arn, string AccountId, string Name) Parse(string arn) =>
        TryParse(arn) is var (account, name)
            ? (arn, account, name)
            : throw new UsageException($"'{ErrorText.Printable(arn)}' is not a role ARN", "expected arn:aws:iam::123456789012:role/NAME");

    private static readonly SearchValues<char> PartitionTail = SearchValues.Create("abcdefghijklmnopqrstuvwxyz-");

    /// <summary><c>arn:PARTITION:iam::ACCOUNT:role/PATH/NAME</c>, the partition aws or aws-*, the account 12 digits.</summary>
    private static (string Account, string Name)? TryParse(string arn)
    {
        var rest = arn.AsSpan();
        var colon = rest.StartsWith("arn:", StringComparison.Ordinal) ? rest[4..].IndexOf(':') : -1;
        if (colon < 0)
            return null;
        var partition = rest.Slice(4, colon);
        rest = rest[(4 + colon + 1)..];
        if (!partition.StartsWith("aws", StringComparison.Ordinal) || partition[3..].ContainsAnyExcept(PartitionTail)
            || !rest.StartsWith("iam::", StringComparison.Ordinal))
            return null;
        rest = rest[5..];
        if (rest.Length < 13 || rest[12] != ':' || rest[..12].ContainsAnyExceptInRange('0', '9'))
            return null;
        var resource = rest[13..];
        if (!resource.StartsWith("role/", StringComparison.Ordinal) || !IsRolePath(resource[5..]))
            return null;
        return (rest[..12].ToString(), resource[(resource.LastIndexOf('/') + 1)..].ToString());
    }

    /// <summary>The partition of an ARN we already have (an MFA serial), so GovCloud and China users get theirs.</summary>
    public static string PartitionOf(string? arn) =>
        arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.AsSpan(4).IndexOf(':') is >= 0 and var end ? arn.Substring(4, end) : "aws";

    /// <summary>The partition of <paramref name="arn"/> when there is one, else of <paramref name="region"/>'s partition, else aws.</summary>
    public static string PartitionOf(string? arn, string? region) =>
        arn is null && region is not null ? Config.Endpoints.ArnPartition(region) : PartitionOf(arn);

    /// <summary>
    /// IAM's role path and name: segments of <c>[A-Za-z0-9_+=,.@-]</c> joined by '/', the name 1-64 of them. Checked
    /// by hand, as are ARNs: every cached `pose` checks its role, and the first use of Regex starts up the regex
    /// runtime (its statics, AppContext) for that one check.
    /// </summary>
    private static bool IsRolePath(ReadOnlySpan<char> path)
    {
        var segment = 0;
        foreach (var c in path)
        {
            if (c == '/')
            {
                if (segment == 0)
                    return false;
                segment = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-')
                segment++;
            else
                return false;
        }
        return segment is > 0 and <= 64;
    }
}
