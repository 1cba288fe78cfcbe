using System.Globalization;
using AwsSession.Accounts;
using AwsSession.Domain;

namespace AwsSession.Cli.Commands;

/// <summary>The human lines about a session, shared by every command that makes one.</summary>
public static class Describe
{
    /// <summary>"Assumed ROLE in NAME (ID) until HH:MM" (local time, as people read clocks).</summary>
    public static string Assumed(RoleTarget role, Account? account, Session session)
    {
        var (_, accountId, name) = RoleArns.Parse(role.RoleArn);
        var where = account is { } a && a.Name != a.Id ? $"{a.Name} ({a.Id})" : accountId;
        var until = session.Expiration is { } e ? " until " + e.ToLocalTime().ToString("HH:mm", CultureInfo.InvariantCulture) : "";
        return $"Assumed {name} in {where}{until}";
    }
}
