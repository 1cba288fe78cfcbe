namespace AwsSession.Config;

/// <summary>
/// One AWS INI file (~/.aws/config or ~/.aws/credentials) as sections of keys, its lines read as <see cref="IniLines"/>
/// says. A key before any section, or a line that is no header, key, continuation or comment, makes the file malformed.
/// A repeated section adds to the first, a repeated key's last value wins. A key with no value of its own whose
/// continuation lines are `name = value` is a nested section (`sts =` under `[services NAME]`), as botocore reads it.
/// Pure: text in, sections out.
/// </summary>
public sealed class IniFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    // Null when nothing nests (a cache hit's files, as a rule): no dictionary to build for them.
    private readonly Dictionary<string, Dictionary<string, string>>? _nested;

    private IniFile(Dictionary<string, Dictionary<string, string>> sections, Dictionary<string, Dictionary<string, string>>? nested) =>
        (_sections, _nested) = (sections, nested);

    public static IniFile Empty { get; } = new([], null);

    public IEnumerable<string> SectionNames => _sections.Keys;

    public IReadOnlyDictionary<string, string>? Section(string name) => _sections.GetValueOrDefault(name);

    /// <summary>The keys nested under <paramref name="key"/> in a section, or null when it nests none.</summary>
    public IReadOnlyDictionary<string, string>? Nested(string section, string key) => _nested?.GetValueOrDefault(Slot(section, key));

    private static string Slot(string section, string key) => section + "\n" + key.ToLowerInvariant();

    /// <exception cref="MalformedIniException">A line that is none of those; it carries the line number only, never the
    /// line, which may hold a secret.</exception>
    public static IniFile Parse(string text)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(IniLines.SectionNames);
        Dictionary<string, Dictionary<string, string>>? nested = null;
        Dictionary<string, string>? current = null;
        string? section = null;
        IniLine key = default;
        var lines = IniLines.Read(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case IniLineKind.Header:
                    (section, key) = (line.Name, default);
                    if (!sections.TryGetValue(line.Name, out current))
                        sections[line.Name] = current = new Dictionary<string, string>(IniLines.KeyNames);
                    break;
                case IniLineKind.Key when current is not null:
                    current[line.Name] = line.Value;
                    key = line;
                    break;
                case IniLineKind.Continuation when key.Kind == IniLineKind.Key && key.Value.Length == 0 && line.Raw.IndexOf('=') is > 0 and var equals:
                    nested ??= new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
                    var slot = Slot(section!, key.Name);
                    if (!nested.TryGetValue(slot, out var inner))
                        nested[slot] = inner = new Dictionary<string, string>(IniLines.KeyNames);
                    inner[line.Raw[..equals].Trim()] = line.Raw[(equals + 1)..].Trim();
                    break;
                case IniLineKind.Key or IniLineKind.BrokenHeader or IniLineKind.Malformed:
                    throw new MalformedIniException(i + 1);
            }
        }
        return new IniFile(sections, nested);
    }
}

/// <summary>A line of an AWS file that is not a section, a key = value or a comment: known by its number only.</summary>
public sealed class MalformedIniException(int line) : FormatException($"line {line} is not a section, a key = value or a comment")
{
    public int LineNumber { get; } = line;
}
