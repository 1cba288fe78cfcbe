namespace AwsSession.Cache;

/// <summary>
/// The names aws-session gives its files: KIND-HASH.json (an entry), KIND-HASH.lock (its lock), KIND-HASH.failed
/// (the last failure, for waiters), and .NAME.PID.RANDOM.tmp (a write in progress). Anything else in the directory
/// is someone else's and is never touched. Checked by hand, not with a regex: this runs on the hot path.
/// </summary>
public static class CacheNames
{
    public const string Entry = ".json";
    public const string Lock = ".lock";
    public const string Failure = ".failed";

    private static readonly string[] Kinds = ["mfa-", "role-", "env-", "sso-", CacheKeys.AccountsPrefix, CacheKeys.RecentPrefix];
    private static readonly string[] Suffixes = [Entry, Lock, Failure];

    /// <summary>Whether the file name has the shape of one of ours (the content is checked separately where it matters).</summary>
    public static bool IsOwn(string name) => KeyOf(name) is not null;

    /// <summary>KIND-HASH for KIND-HASH.json/.lock/.failed; null for any other name.</summary>
    public static string? KeyOf(string name)
    {
        var suffix = Suffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal));
        if (suffix is null)
            return null;
        var key = name[..^suffix.Length];
        return IsKey(key) ? key : null;
    }

    public static bool IsKey(string key)
    {
        var kind = Kinds.FirstOrDefault(k => key.StartsWith(k, StringComparison.Ordinal));
        return kind is not null && key.Length == kind.Length + 32 && key.AsSpan(kind.Length).ContainsAnyExcept("0123456789abcdef") is false;
    }

    public static string Temporary(string name, int pid) => $".{name}.{pid}.{Guid.NewGuid():N}.tmp";

    /// <summary>(the file it was to become, the writer's pid) for one of our temporary names; null otherwise.</summary>
    public static (string Target, int Pid)? TemporaryOf(string name)
    {
        if (!name.StartsWith('.') || !name.EndsWith(".tmp", StringComparison.Ordinal))
            return null;
        var parts = name[1..^4].Split('.');
        // KIND-HASH . json|failed . PID . GUID
        if (parts.Length != 4 || parts[3].Length != 32 || parts[3].AsSpan().ContainsAnyExcept("0123456789abcdef"))
            return null;
        var target = parts[0] + "." + parts[1];
        return IsOwn(target) && int.TryParse(parts[2], System.Globalization.NumberStyles.None, null, out var pid) && pid > 0 ? (target, pid) : null;
    }
}
