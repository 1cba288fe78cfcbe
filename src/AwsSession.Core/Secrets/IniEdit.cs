namespace AwsSession.Secrets;

/// <summary>
/// Line-level edits of an AWS INI file (~/.aws/credentials, ~/.aws/config) that keep every other line, comment and
/// blank as it was: set one key in a section, or take keys out of one. Pure: text in, text out.
/// </summary>
public static class IniEdit
{
    /// <summary>The text with <paramref name="key"/> = <paramref name="value"/> in section [<paramref name="section"/>] (added if missing).</summary>
    public static string Set(string text, string section, string key, string value)
    {
        var lines = Lines(text);
        var (start, end) = Find(lines, section);
        var line = $"{key} = {value}";
        if (start < 0)
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
                lines.Add("");
            lines.Add($"[{section}]");
            lines.Add(line);
            return Join(lines);
        }
        for (var i = start + 1; i < end; i++)
        {
            if (KeyOf(lines[i]) == key)
            {
                lines[i] = line;
                return Join(lines);
            }
        }
        var at = end;
        while (at > start + 1 && lines[at - 1].Trim().Length == 0)
            at--;
        lines.Insert(at, line);
        return Join(lines);
    }

    /// <summary>The text without <paramref name="keys"/> in section [<paramref name="section"/>]; the count removed.</summary>
    public static (string Text, int Removed) Remove(string text, string section, IReadOnlyCollection<string> keys)
    {
        var lines = Lines(text);
        var (start, end) = Find(lines, section);
        if (start < 0)
            return (text, 0);
        var removed = 0;
        for (var i = end - 1; i > start; i--)
        {
            if (KeyOf(lines[i]) is { } k && keys.Contains(k))
            {
                lines.RemoveAt(i);
                removed++;
            }
        }
        return (Join(lines), removed);
    }

    /// <summary>The value of <paramref name="key"/> in section [<paramref name="section"/>], as the file has it.</summary>
    public static string? Get(string text, string section, string key)
    {
        var lines = Lines(text);
        var (start, end) = Find(lines, section);
        for (var i = start + 1; start >= 0 && i < end; i++)
        {
            if (KeyOf(lines[i]) == key)
                return lines[i][(lines[i].IndexOf('=') + 1)..].Trim();
        }
        return null;
    }

    /// <summary>The section names, in file order.</summary>
    public static IReadOnlyList<string> Sections(string text) =>
        Lines(text).Select(SectionOf).OfType<string>().ToList();

    private static (int Start, int End) Find(List<string> lines, string section)
    {
        var start = lines.FindIndex(l => SectionOf(l) == section);
        if (start < 0)
            return (-1, -1);
        var end = lines.FindIndex(start + 1, l => SectionOf(l) is not null);
        return (start, end < 0 ? lines.Count : end);
    }

    private static string? SectionOf(string line)
    {
        var t = line.Trim();
        return t.Length > 2 && t[0] == '[' && t[^1] == ']' ? t[1..^1].Trim() : null;
    }

    // An indented line continues the value above it (the AWS CLI's nested sections): it is never a key of the section.
    private static string? KeyOf(string line)
    {
        var t = line;
        if (t.Length == 0 || t[0] is '#' or ';' or '[' or ' ' or '\t')
            return null;
        var eq = t.IndexOf('=');
        return eq > 0 ? t[..eq].Trim() : null;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }

    private static string Join(List<string> lines) => lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
}
