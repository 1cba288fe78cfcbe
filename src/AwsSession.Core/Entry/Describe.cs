using AwsSession.Accounts;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Output;

namespace AwsSession.Entry;

/// <summary>The human lines about a session, shared by every command that makes one.</summary>
public static class Describe
{
    /// <summary>
    /// One line saying which session this is and whether it was made now or taken from the cache, with its end in
    /// UTC and relative ("until 14:05 UTC, 59m left"): a bare clock time reads wrong across zones and in logs. Null
    /// for a session found in the environment (the user made it; nothing new to say).
    /// </summary>
    public static string? Session(Plan plan, Session session, DateTimeOffset now)
    {
        var until = session.Expiration is { } e ? " " + Until(e, now) : "";
        if (plan.Role is { } role)
            return (session.FromCache ? "Using cached role session " : "Assumed ") + RoleIn(role, plan.Account) + until;
        return session.Identity.Kind switch
        {
            IdentityKind.Mfa => (session.FromCache ? "Using cached MFA session for " : "New MFA session for ") + session.Identity.Name + until,
            IdentityKind.Sso => (session.FromCache ? "Using cached IAM Identity Center role session " : "New IAM Identity Center role session ")
                + session.Identity.Name + until,
            _ => null,
        };
    }

    /// <summary>"until 14:05 UTC, 59m left"; the date too when it is not today (UTC).</summary>
    public static string Until(DateTimeOffset end, DateTimeOffset now)
    {
        var utc = end.UtcDateTime;
        var clock = (utc.Date == now.UtcDateTime.Date ? "" : Digits.Date(utc) + " ") + Digits.Clock(utc);
        return $"until {clock} UTC, {(end > now ? Left(end - now) + " left" : "expired")}";
    }

    /// <summary>A duration as people say it: 35h59m, 42m.</summary>
    public static string Left(TimeSpan t) =>
        t.TotalHours >= 1 ? Digits.Padded((int)t.TotalHours, 1) + "h" + Digits.Padded(t.Minutes, 2) + "m" : Digits.Padded((int)t.TotalMinutes, 1) + "m";

    private static string RoleIn(RoleTarget role, Account? account)
    {
        var (_, accountId, name) = RoleArns.Parse(role.RoleArn);
        var where = account is { } a && a.Name != a.Id ? $"{a.Name} ({a.Id})" : accountId;
        return $"{name} in {where}";
    }
}
