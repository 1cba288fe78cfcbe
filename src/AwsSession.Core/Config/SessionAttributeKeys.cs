using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>
/// A role profile's source_identity, session_tags (KEY=VALUE,KEY=VALUE) and transitive_session_tags (KEY,KEY), as
/// aws-vault reads them. Checked here, before any prompt, against STS's limits; values are never quoted back.
/// </summary>
public static class SessionAttributeKeys
{
    private const int MaxTags = 50;

    public static SessionAttributes Read(ProfileSettings p)
    {
        if (p.SourceIdentity is null && p.SessionTags is null && p.TransitiveSessionTags is null)
            return SessionAttributes.None;
        var where = $"profile '{ErrorText.Printable(p.Name)}'";
        var identity = p.SourceIdentity?.Trim();
        if (identity is not null && !IsSourceIdentity(identity))
            throw new UsageException($"{where}: source_identity must be 2 to 64 of the characters A-Z a-z 0-9 _ + = , . @ -",
                "fix it in ~/.aws/config");

        var tags = new List<KeyValuePair<string, string>>();
        foreach (var pair in Items(p.SessionTags))
        {
            var eq = pair.IndexOf('=');
            var key = eq > 0 ? pair[..eq].Trim() : "";
            var value = eq > 0 ? pair[(eq + 1)..].Trim() : "";
            if (!IsTagText(key, 1, 128) || !IsTagText(value, 0, 256))
                throw new UsageException($"{where}: session_tags must be KEY=VALUE pairs separated by commas (keys up to 128 characters, values up to 256)",
                    "e.g. session_tags = team=platform,cost-center=42");
            if (tags.Exists(t => t.Key.Equals(key, StringComparison.OrdinalIgnoreCase)))
                throw new UsageException($"{where}: session_tags names the key '{ErrorText.Printable(key)}' twice (tag keys ignore case)");
            tags.Add(new(key, value));
        }
        if (tags.Count > MaxTags)
            throw new UsageException($"{where}: session_tags has {tags.Count} tags; STS takes at most {MaxTags}");

        // Which keys may be transitive is STS's to say (a chained session can pass on tags it was given).
        var transitive = new List<string>();
        foreach (var key in Items(p.TransitiveSessionTags))
        {
            if (!IsTagText(key, 1, 128))
                throw new UsageException($"{where}: transitive_session_tags must be tag keys separated by commas", "e.g. transitive_session_tags = team");
            transitive.Add(key);
        }
        return new SessionAttributes(identity, tags, transitive);
    }

    private static IEnumerable<string> Items(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // Spelled out, not a Regex: this runs on cache hits of a profile that has these keys (docs/architecture.md, the front).
    private static bool IsSourceIdentity(string s)
    {
        if (s.Length is < 2 or > 64)
            return false;
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && "_+=,.@-".IndexOf(c) < 0)
                return false;
        }
        return true;
    }

    /// <summary>IAM's tag characters: letters, digits, spaces and _ . : / = + - @ (Unicode letters included).</summary>
    private static bool IsTagText(string s, int min, int max)
    {
        if (s.Length < min || s.Length > max)
            return false;
        foreach (var c in s)
        {
            if (!char.IsLetterOrDigit(c) && c != ' ' && "_.:/=+-@".IndexOf(c) < 0)
                return false;
        }
        return true;
    }
}
