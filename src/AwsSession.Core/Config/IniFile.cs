namespace AwsSession.Config;

/// <summary>
/// One AWS INI file (~/.aws/config or ~/.aws/credentials) as sections of keys, its lines read as <see cref="IniLines"/>
/// says. A key before any section, or a line that is no header, key, continuation or comment, makes the file malformed.
/// A repeated section adds to the first, a repeated key's last value wins. Pure: text in, sections out.
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
        var sections = new Dictionary<string, Dictionary<string, string>>(IniLines.SectionNames);
        Dictionary<string, string>? current = null;
        var lines = IniLines.Read(text);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case IniLineKind.Header:
                    if (!sections.TryGetValue(line.Name, out current))
                        sections[line.Name] = current = new Dictionary<string, string>(IniLines.KeyNames);
                    break;
                case IniLineKind.Key when current is not null:
                    current[line.Name] = line.Value;
                    break;
                case IniLineKind.Key or IniLineKind.BrokenHeader or IniLineKind.Malformed:
                    throw new MalformedIniException(i + 1);
            }
        }
        return new IniFile(sections);
    }
}

/// <summary>A line of an AWS file that is not a section, a key = value or a comment: known by its number only.</summary>
public sealed class MalformedIniException(int line) : FormatException($"line {line} is not a section, a key = value or a comment")
{
    public int LineNumber { get; } = line;
}
