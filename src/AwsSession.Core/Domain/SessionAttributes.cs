namespace AwsSession.Domain;

/// <summary>
/// What a role session carries besides its name, for CloudTrail and attribute-based access control: a source
/// identity, session tags, and which of those tags pass on to roles chained from it.
/// </summary>
public sealed record SessionAttributes(string? SourceIdentity, IReadOnlyList<KeyValuePair<string, string>> Tags, IReadOnlyList<string> TransitiveTagKeys)
{
    public static readonly SessionAttributes None = new(null, [], []);

    public bool IsEmpty => SourceIdentity is null && Tags.Count == 0 && TransitiveTagKeys.Count == 0;

    /// <summary>One string for a cache key: sessions with other attributes are other sessions. Empty when there are none.</summary>
    public string Canonical()
    {
        if (IsEmpty)
            return "";
        var parts = new List<string> { SourceIdentity ?? "" };
        var tags = new List<KeyValuePair<string, string>>(Tags);
        tags.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (key, value) in tags)
            parts.Add($"tag {key.Length}:{key}={value}");
        var transitive = new List<string>(TransitiveTagKeys);
        transitive.Sort(string.CompareOrdinal);
        foreach (var key in transitive)
            parts.Add($"transitive {key.Length}:{key}");
        return string.Join("\n", parts);
    }

    // Records compare lists by reference; two profiles' identical attributes are the same attributes.
    public bool Equals(SessionAttributes? other) => other is not null && Canonical() == other.Canonical();

    public override int GetHashCode() => Canonical().GetHashCode(StringComparison.Ordinal);
}
