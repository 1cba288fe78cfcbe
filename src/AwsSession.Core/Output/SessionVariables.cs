using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Output;

/// <summary>The variables a session sets and the stale ones it removes: shared by the exports and the exec child.</summary>
public static class SessionVariables
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(Session session, string? region)
    {
        var c = session.Credentials;
        var vars = new List<KeyValuePair<string, string>>
        {
            new(ChildEnvironmentNames.AccessKeyId, c.AccessKeyId),
            new(ChildEnvironmentNames.SecretAccessKey, c.SecretAccessKey),
        };
        if (c.SessionToken is { } token)
            vars.Add(new(ChildEnvironmentNames.SessionToken, token));
        if (c.Expiration is { } e)
            vars.Add(new(ChildEnvironmentNames.Expiration, Digits.Iso(e)));
        if (region is not null)
        {
            vars.Add(new(ChildEnvironmentNames.Region, region));
            vars.Add(new(ChildEnvironmentNames.DefaultRegion, region));
        }
        vars.Add(new(ChildEnvironmentNames.Identity, session.Identity.ToString()));
        return vars;
    }

    /// <summary>What the shell must drop so nothing stale wins over or mixes with the new session.</summary>
    public static IReadOnlyList<string> Unset(IReadOnlyList<KeyValuePair<string, string>> set)
    {
        // On the hit path (exports): loops, no LINQ (docs/architecture.md, the front).
        var unset = new List<string>(ChildEnvironmentNames.Removed.Length);
        foreach (var name in ChildEnvironmentNames.Removed)
        {
            var isSet = false;
            for (var i = 0; i < set.Count && !isSet; i++)
                isSet = set[i].Key == name;
            if (!isSet)
                unset.Add(name);
        }
        return unset;
    }
}
