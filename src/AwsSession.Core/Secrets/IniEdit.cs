using AwsSession.Config;

namespace AwsSession.Secrets;

/// <summary>
/// Line-level edits of an AWS INI file (~/.aws/credentials, ~/.aws/config) that keep every other line, comment and
/// blank as it was: set one key in a section, or take keys out of one. The lines read as <see cref="IniLines"/> says,
/// and a section or key means what <see cref="IniFile"/> makes of it: a repeated section is one section, a repeated
/// key's last line wins, and a key goes with its continuation lines. Pure: text in, text out.
/// </summary>
public static class IniEdit
{
    /// <summary>The text with <paramref name="key"/> = <paramref name="value"/> in section [<paramref name="section"/>] (added if missing).</summary>
    public static string Set(string text, string section, string key, string value)
    {
        var lines = IniLines.Read(text);
        var owners = Owners(lines);
        var edited = Raw(lines);
        var line = $"{key} = {value}";
        if (LastKey(lines, owners, section, key) is var at and >= 0)
        {
            // The line that wins is rewritten, and what continued it goes: it would join the new value.
            edited[at] = line;
            RemoveContinuation(lines, edited, at);
            return Join(edited);
        }
        var header = Array.FindIndex(lines, l => l.Kind == IniLineKind.Header && IniLines.SectionNames.Equals(l.Name, section));
        if (header < 0)
        {
            if (edited.Count > 0 && edited[^1].Trim().Length > 0)
                edited.Add("");
            edited.Add($"[{section}]");
            edited.Add(line);
            return Join(edited);
        }
        // At the end of the section's first block, before the blank and comment lines that lead to the next header.
        var end = header + 1;
        while (end < lines.Length && lines[end].Kind != IniLineKind.Header)
            end++;
        while (end > header + 1 && lines[end - 1].Kind == IniLineKind.Blank)
            end--;
        edited.Insert(end, line);
        return Join(edited);
    }

    /// <summary>The text without <paramref name="keys"/> in section [<paramref name="section"/>]; the count of key lines removed.</summary>
    public static (string Text, int Removed) Remove(string text, string section, IReadOnlyCollection<string> keys)
    {
        var lines = IniLines.Read(text);
        var owners = Owners(lines);
        var kept = new List<string>(lines.Length);
        var removed = 0;
        var dropping = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Kind == IniLineKind.Key)
                dropping = In(owners, i, section) && keys.Contains(line.Name, IniLines.KeyNames);
            else if (line.Kind is IniLineKind.Header or IniLineKind.BrokenHeader or IniLineKind.Malformed)
                dropping = false;
            if (dropping && line.Kind is IniLineKind.Key or IniLineKind.Continuation)
            {
                removed += line.Kind == IniLineKind.Key ? 1 : 0;
                continue;
            }
            kept.Add(line.Raw);
        }
        return removed == 0 ? (text, 0) : (Join(kept), removed);
    }

    /// <summary>The value of <paramref name="key"/> in section [<paramref name="section"/>], as the file has it.</summary>
    public static string? Get(string text, string section, string key)
    {
        var lines = IniLines.Read(text);
        return LastKey(lines, Owners(lines), section, key) is var at and >= 0 ? lines[at].Value : null;
    }

    /// <summary>The section names, each once, in file order.</summary>
    public static IReadOnlyList<string> Sections(string text) =>
        IniLines.Read(text).Where(l => l.Kind == IniLineKind.Header).Select(l => l.Name).Distinct(IniLines.SectionNames).ToList();

    /// <summary>For each line, the section it is in (null before the first header, and after a broken one).</summary>
    private static string?[] Owners(IniLine[] lines)
    {
        var owners = new string?[lines.Length];
        string? current = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Kind is IniLineKind.Header or IniLineKind.BrokenHeader)
                current = lines[i].Kind == IniLineKind.Header ? lines[i].Name : null;
            owners[i] = current;
        }
        return owners;
    }

    private static bool In(string?[] owners, int line, string section) => owners[line] is { } owner && IniLines.SectionNames.Equals(owner, section);

    /// <summary>The index of the key's last line in the section (any of its blocks), or -1.</summary>
    private static int LastKey(IniLine[] lines, string?[] owners, string section, string key)
    {
        for (var i = lines.Length - 1; i >= 0; i--)
        {
            if (lines[i].Kind == IniLineKind.Key && In(owners, i, section) && IniLines.KeyNames.Equals(lines[i].Name, key))
                return i;
        }
        return -1;
    }

    /// <summary>Takes the continuation lines of the key at <paramref name="at"/> out of <paramref name="edited"/> (still index-aligned with <paramref name="lines"/>).</summary>
    private static void RemoveContinuation(IniLine[] lines, List<string> edited, int at)
    {
        var end = at + 1;
        while (end < lines.Length && lines[end].Kind is IniLineKind.Blank or IniLineKind.Continuation)
            end++;
        for (var i = end - 1; i > at; i--)
        {
            if (lines[i].Kind == IniLineKind.Continuation)
                edited.RemoveAt(i);
        }
    }

    private static List<string> Raw(IniLine[] lines)
    {
        var raw = new List<string>(lines.Length + 3);
        foreach (var line in lines)
            raw.Add(line.Raw);
        return raw;
    }

    private static string Join(List<string> lines) => lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";
}
