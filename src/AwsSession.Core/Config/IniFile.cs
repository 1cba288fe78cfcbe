namespace AwsSession.Config;

/// <summary>
/// One AWS INI file (~/.aws/config or ~/.aws/credentials) as sections of keys, the way the AWS CLI reads them: `[name]`
/// headers (a `#` or `;` comment may follow), `key = value` lines (keys in any case, values as written: no inline
/// comments), whole-line `#` and `;` comments, blank lines, CRLF and a UTF-8 BOM. An indented line under a key with
/// no value belongs to that key's nested section (`s3 =` then `  max_concurrent_requests = 10`) and is never a key of
/// the profile. A repeated section adds to the first, a repeated key's last value wins. Pure: text in, sections out.
/// </summary>
public sealed class IniFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private IniFile(Dictionary<string, Dictionary<string, string>> sections) => _sections = sections;

    public static IniFile Empty { get; } = new([]);

    public IEnumerable<string> SectionNames => _sections.Keys;

    public IReadOnlyDictionary<string, string>? Section(string name) => _sections.GetValueOrDefault(name);

    /// <exception cref="MalformedIniException">A line that is none of those; it carries the line number only, never the
    /// line, which may hold a secret.</exception>
    public static IniFile Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        var nestedUnder = false;
        var number = 0;
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
                continue;
            if (trimmed[0] == '[')
            {
                var name = Header(trimmed) ?? throw new MalformedIniException(number);
                if (!sections.TryGetValue(name, out current))
                    sections[name] = current = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                nestedUnder = false;
                continue;
            }
            if (nestedUnder && line[0] is ' ' or '\t')
                continue;
            var equals = trimmed.IndexOf('=');
            if (current is null || equals <= 0)
                throw new MalformedIniException(number);
            var value = trimmed[(equals + 1)..].Trim();
            current[trimmed[..equals].Trim()] = value;
            nestedUnder = value.Length == 0;
        }
        return new IniFile(sections);
    }

    /// <summary>The name in `[name]`, optionally followed by a comment; null when the line is not a whole header.</summary>
    private static string? Header(string line)
    {
        var close = line.IndexOf(']');
        if (close < 0)
            return null;
        var rest = line[(close + 1)..].TrimStart();
        if (rest.Length > 0 && rest[0] is not ('#' or ';'))
            return null;
        var name = line[1..close].Trim();
        return name.Length == 0 ? null : name;
    }
}

/// <summary>A line of an AWS file that is not a section, a key = value or a comment: known by its number only.</summary>
public sealed class MalformedIniException(int line) : FormatException($"line {line} is not a section, a key = value or a comment")
{
    public int LineNumber { get; } = line;
}
