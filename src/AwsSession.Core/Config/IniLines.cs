namespace AwsSession.Config;

/// <summary>What one line of an AWS INI file is (<see cref="IniLines"/>).</summary>
public enum IniLineKind
{
    /// <summary>Empty, whitespace, or a whole-line `#` or `;` comment.</summary>
    Blank,

    /// <summary>`[name]`, optionally followed by a `#` or `;` comment.</summary>
    Header,

    /// <summary>`key = value`, or `key: value` (whichever delimiter comes first).</summary>
    Key,

    /// <summary>An indented line after a key: part of that key's value (a nested section such as `s3 =`), never a key.</summary>
    Continuation,

    /// <summary>A line that starts like a header and is not one (`[name`, `[a] b`): malformed, and the end of the section above it.</summary>
    BrokenHeader,

    /// <summary>None of those.</summary>
    Malformed,
}

/// <param name="Raw">The line as written, without its line break (a BOM that starts the file stays here; it is skipped for reading).</param>
/// <param name="Name">A header's section name or a key's name, trimmed; otherwise empty.</param>
/// <param name="Value">A key's value, trimmed, as written (no inline comments); otherwise empty.</param>
public readonly record struct IniLine(IniLineKind Kind, string Raw, string Name = "", string Value = "");

/// <summary>
/// How the lines of an AWS INI file (~/.aws/config, ~/.aws/credentials) read, stated once for everything that reads or
/// edits one: <see cref="IniFile"/> (the profiles), Secrets' IniEdit (keys and aws_session_backend written in place)
/// and <see cref="CredentialFreeConfig"/> (the copy `exec --server` gives its child). As botocore's config loader reads
/// them: lines end at LF, CRLF or CR; section names are case-sensitive, key names are not; a `[name]` header may carry
/// a trailing comment, and a line that starts like one but is not one ends the section above it; a key ends at the
/// first `=` or `:`; an indented line after a key continues that key, across blank and comment lines, until the next
/// unindented line, so it is never a key of its own (an indented line with no key above it in its section is one);
/// `[profile NAME]`, `[sso-session NAME]` and `[services NAME]` headers are split into words as a shell splits them.
/// Beyond botocore, a UTF-8 BOM is skipped. Pure: text in, lines out.
/// </summary>
public static class IniLines
{
    /// <summary>Key names: `AWS_ACCESS_KEY_ID` is `aws_access_key_id`.</summary>
    public static readonly StringComparer KeyNames = StringComparer.OrdinalIgnoreCase;

    /// <summary>Section names: `[Work]` is not `[work]`.</summary>
    public static readonly StringComparer SectionNames = StringComparer.Ordinal;

    public static IniLine[] Read(string text)
    {
        var raw = Split(text);
        var lines = new IniLine[raw.Count];
        // Whether an indented line continues a key: a key line has been read since the section's header.
        var afterKey = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i == 0 ? raw[i].TrimStart('\uFEFF') : raw[i];
            var trimmed = line.Trim();
            IniLine read;
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
                read = new IniLine(IniLineKind.Blank, raw[i]);
            else if (afterKey && line[0] is ' ' or '\t')
                read = new IniLine(IniLineKind.Continuation, raw[i]);
            else if (trimmed[0] == '[')
                read = Header(trimmed) is { } name ? new IniLine(IniLineKind.Header, raw[i], name) : new IniLine(IniLineKind.BrokenHeader, raw[i]);
            else if (trimmed.AsSpan().IndexOfAny('=', ':') is > 0 and var delimiter)
                read = new IniLine(IniLineKind.Key, raw[i], trimmed[..delimiter].TrimEnd(), trimmed[(delimiter + 1)..].TrimStart());
            else
                read = new IniLine(IniLineKind.Malformed, raw[i]);
            if (read.Kind is not (IniLineKind.Blank or IniLineKind.Continuation))
                afterKey = read.Kind == IniLineKind.Key;
            lines[i] = read;
        }
        return lines;
    }

    /// <summary>The lines without their breaks; a final line break ends the last line rather than starting one.</summary>
    private static List<string> Split(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        if (start < text.Length)
            lines.Add(text[start..]);
        return lines;
    }

    /// <summary>The name in `[name]`, optionally followed by a comment; null when the line is not a whole header.</summary>
    private static string? Header(string trimmed)
    {
        var close = trimmed.IndexOf(']');
        if (close < 0)
            return null;
        var rest = trimmed.AsSpan(close + 1).TrimStart();
        if (rest.Length > 0 && rest[0] is not ('#' or ';'))
            return null;
        var name = trimmed[1..close].Trim();
        return name.Length == 0 ? null : Canonical(name);
    }

    /// <summary>
    /// botocore splits `[profile NAME]`, `[sso-session NAME]` and `[services NAME]` as a shell would (shlex): any
    /// whitespace between the words, and NAME may be quoted. Such a header is named by its two words, one space
    /// between; any other stays as written (a name of more words is no profile to botocore, and is one here).
    /// </summary>
    private static string Canonical(string name)
    {
        if (!name.StartsWith("profile", StringComparison.Ordinal) && !name.StartsWith("sso-session", StringComparison.Ordinal)
            && !name.StartsWith("services", StringComparison.Ordinal))
            return name;
        // The usual header, one space and a plain name, is already what it would become.
        var space = name.IndexOf(' ');
        if (space > 0 && IsPlainWord(name.AsSpan(space + 1)))
            return name;
        return ShellWords(name) is [var kind, var rest] ? kind + " " + rest : name;
    }

    // A loop, not SearchValues: a static field would be set up on every cache hit, which reads the config.
    private static bool IsPlainWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c is ' ' or '\t' or '\r' or '\n' or '\'' or '"' or '\\')
                return false;
        return true;
    }

    /// <summary>Python's shlex.split in POSIX mode, without comments; null where it raises (an unclosed quote, a last backslash).</summary>
    private static List<string>? ShellWords(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\\')
            {
                if (++i == text.Length)
                    return null;
                word.Append(text[i]);
            }
            else if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                    return null;
                word.Append(text, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                // Inside double quotes a backslash escapes only a double quote or a backslash.
                for (i++; ; i++)
                {
                    if (i == text.Length)
                        return null;
                    if (text[i] == '"')
                        break;
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                        i++;
                    word.Append(text[i]);
                }
            }
            else
                word.Append(c);
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
