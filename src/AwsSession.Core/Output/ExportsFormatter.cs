using System.Text;

namespace AwsSession.Output;

/// <summary>
/// Renders variables as statements for eval. Every value is single-quoted in the shell's own rules, so any byte
/// sequence round-trips and nothing in a value is ever executed.
/// </summary>
public static class ExportsFormatter
{
    public static string Render(ShellKind shell, IReadOnlyList<KeyValuePair<string, string>> set, IReadOnlyList<string> unset)
    {
        if (shell == ShellKind.Json)
            return JsonText.Object(set, indented: true) + "\n";
        // Sized for the whole text at once: the session token alone is most of a kilobyte. Indexed, not an interface's
        // enumerator: a cache hit runs this (docs/architecture.md, the front).
        var capacity = 32 * (set.Count + unset.Count);
        for (var i = 0; i < set.Count; i++)
            capacity += set[i].Value.Length;
        var sb = new StringBuilder(capacity);
        for (var i = 0; i < unset.Count; i++)
            sb.Append(Unset(shell, unset[i])).Append('\n');
        for (var i = 0; i < set.Count; i++)
            sb.Append(Export(shell, set[i].Key, set[i].Value)).Append('\n');
        return sb.ToString();
    }

    public static string Export(ShellKind shell, string name, string value) => shell switch
    {
        ShellKind.Fish => $"set -gx {name} {FishQuote(value)};",
        ShellKind.Pwsh => $"$env:{name} = {PwshQuote(value)}",
        _ => $"export {name}={PosixQuote(value)}",
    };

    public static string Unset(ShellKind shell, string name) => shell switch
    {
        ShellKind.Fish => $"set -e {name}; or true;", // fish keeps set -e's status 4 (not set) through the later `set -gx`s
        ShellKind.Pwsh => $"Remove-Item Env:{name} -ErrorAction SilentlyContinue",
        _ => $"unset {name}",
    };

    /// <summary>POSIX: inside '...' nothing is special; a ' ends the quote, so it becomes '\''.</summary>
    public static string PosixQuote(string v) => "'" + v.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>fish: inside '...' only \ and ' are special.</summary>
    public static string FishQuote(string v) =>
        "'" + v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>PowerShell: inside '...' a quote is doubled; it also treats the typographic single quotes as quotes.</summary>
    public static string PwshQuote(string v)
    {
        var sb = new StringBuilder("'");
        foreach (var ch in v)
        {
            if (ch is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
                sb.Append(ch);
            sb.Append(ch);
        }
        return sb.Append('\'').ToString();
    }
}
