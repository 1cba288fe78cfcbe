using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Output;

namespace AwsSession.Exec;

/// <summary>The parent's environment minus stale AWS settings, plus the session's variables.</summary>
public static class ChildEnvironment
{
    /// <summary>The keys themselves, their expiry, the region and the identity marker, in place of any stale ones.</summary>
    public static EnvironmentChange Keys(Session session, string? region) =>
        new(ChildEnvironmentNames.Removed, SessionVariables.For(session, region));

    public static IReadOnlyDictionary<string, string> WithKeys(IReadOnlyDictionary<string, string> parent, Session session, string? region) =>
        Keys(session, region).ApplyTo(parent);

    /// <summary>
    /// `exec --server`: no keys at all, only the endpoint, the region and the marker, and AWS files with no
    /// credentials in them (<see cref="ChildConfigFiles"/>): every SDK reads credentials from the files, and from
    /// web identity variables, before the endpoint.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WithServer(IReadOnlyDictionary<string, string> parent, Session session, string? region,
        IReadOnlyList<KeyValuePair<string, string>> server, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        var set = SessionVariables.For(session, region)
            .Where(kv => kv.Key is ChildEnvironmentNames.Region or ChildEnvironmentNames.DefaultRegion or ChildEnvironmentNames.Identity)
            .Concat(server)
            .Concat(files)
            .ToList();
        return new EnvironmentChange([.. ChildEnvironmentNames.Removed, .. ChildEnvironmentNames.ServerRemoved], set).ApplyTo(parent);
    }
}
