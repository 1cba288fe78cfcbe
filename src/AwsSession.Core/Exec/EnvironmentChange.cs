namespace AwsSession.Exec;

/// <summary>
/// How a child's environment differs from ours: names removed, then names set. Applied to a copy for a child that
/// is started (<see cref="ApplyTo"/>), or to this process's own environment just before it becomes the command
/// (<see cref="ProcessImage"/>), which then never reads the whole environment at all.
/// </summary>
public sealed record EnvironmentChange(IReadOnlyList<string> Removed, IReadOnlyList<KeyValuePair<string, string>> Set)
{
    public static readonly EnvironmentChange None = new([], []);

    public IReadOnlyDictionary<string, string> ApplyTo(IReadOnlyDictionary<string, string> parent)
    {
        var env = new Dictionary<string, string>(parent, StringComparer.Ordinal);
        foreach (var name in Removed)
            env.Remove(name);
        foreach (var (name, value) in Set)
            env[name] = value;
        return env;
    }
}
