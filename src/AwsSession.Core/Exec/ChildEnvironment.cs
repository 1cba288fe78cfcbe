using AwsSession.Config;

namespace AwsSession.Exec;

/// <summary>The parent's environment minus stale AWS settings, plus the session's variables.</summary>
public static class ChildEnvironment
{
    public static IReadOnlyDictionary<string, string> Build(IReadOnlyDictionary<string, string> parent, IReadOnlyList<KeyValuePair<string, string>> set, IReadOnlyList<string>? alsoRemove = null)
    {
        var env = new Dictionary<string, string>(parent, StringComparer.Ordinal);
        foreach (var name in ChildEnvironmentNames.Removed)
            env.Remove(name);
        foreach (var name in alsoRemove ?? [])
            env.Remove(name);
        foreach (var (name, value) in set)
            env[name] = value;
        return env;
    }
}
