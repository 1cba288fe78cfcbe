using System.Collections;

namespace AwsSession.Config;

/// <summary>An immutable snapshot of the process environment, so that resolution is pure and testable.</summary>
public sealed class EnvironmentVariables(IReadOnlyDictionary<string, string> values)
{
    public static EnvironmentVariables FromProcess()
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in Environment.GetEnvironmentVariables())
            dict[(string)e.Key] = (string?)e.Value ?? "";
        return new EnvironmentVariables(dict);
    }

    public IReadOnlyDictionary<string, string> All => values;

    /// <summary>The value, or null when unset or empty (the AWS tools treat both alike).</summary>
    public string? Get(string name) => values.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    public string Home => Get("HOME") ?? Get("USERPROFILE") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
