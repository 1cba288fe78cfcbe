using System.Collections;

namespace AwsSession.Config;

/// <summary>
/// The process environment, read-only, so that resolution is pure and testable. aws-session never changes its own
/// environment, so the process's is read where it is asked for: one getenv per name, and the whole of it only for a
/// child's environment (building it costs a hash table of every variable, a tenth of a cached run's own work).
/// </summary>
public sealed class EnvironmentVariables
{
    private readonly Func<string, string?> _lookup;
    private IReadOnlyDictionary<string, string>? _all;

    public EnvironmentVariables(IReadOnlyDictionary<string, string> values)
    {
        _all = values;
        _lookup = name => values.TryGetValue(name, out var v) ? v : null;
    }

    private EnvironmentVariables(Func<string, string?> lookup) => _lookup = lookup;

    public static EnvironmentVariables FromProcess() => new(Environment.GetEnvironmentVariable);

    public IReadOnlyDictionary<string, string> All => _all ??= ReadProcess();

    /// <summary>The value, or null when unset or empty (the AWS tools treat both alike).</summary>
    public string? Get(string name) => _lookup(name) is { Length: > 0 } v ? v : null;

    public string Home => Get("HOME") ?? Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static Dictionary<string, string> ReadProcess()
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            dict[(string)e.Key] = (string?)e.Value ?? "";
        return dict;
    }
}
