using System.CommandLine;
using System.CommandLine.Completions;
using System.Globalization;
using System.Text;

namespace AwsSession.Cli.Manual;

/// <summary>
/// aws-session(1) in roff (man macros), rendered from the command tree that `--help` shows, so the two cannot
/// drift: the overview, the global options, then every visible command with its arguments, options and help text.
/// The few sections the tree does not hold (exit status, files, environment) are written here.
/// </summary>
public static class ManPage
{
    public static string Render(RootCommand root, string version)
    {
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $".TH AWS-SESSION 1 \"\" \"aws-session {Escape(version)}\" \"User Commands\"\n");
        // Left-aligned, no hyphenation: option names and ARNs must not be split or stretched.
        s.Append(".nh\n.ad l\n");
        s.Append(".SH NAME\naws-session \\- temporary AWS credentials with MFA, for a shell or for one command\n");
        s.Append(".SH SYNOPSIS\n");
        s.Append(".B aws-session\n[\\fIOPTIONS\\fR] [\\fBmfa\\fR [\\fIDEVICE-ARN\\fR] | \\fBpose\\fR [\\fIACCOUNT\\fR] [\\fIROLE\\fR]]\n.br\n");
        s.Append(".B aws-session\n\\fICOMMAND\\fR [\\fIARGUMENTS\\fR] [\\fIOPTIONS\\fR]\n");
        s.Append(".SH DESCRIPTION\n");
        Text(s, root.Description ?? "");
        var everywhere = root.Options.Where(o => o.Recursive && !o.Hidden).Select(o => $"\\fB{Escape(o.Name)}\\fR").ToList();
        s.Append(".SH OPTIONS\nThose of plain \\fBaws\\-session\\fR (exports for an MFA session). Each command below lists the options it\ntakes");
        s.Append(everywhere.Count > 0 ? $"; {string.Join(" and ", everywhere)} work after any command.\n" : ".\n");
        foreach (var option in root.Options.Where(o => !o.Hidden))
            Option(s, option);
        s.Append(".SH COMMANDS\n");
        foreach (var child in root.Subcommands.Where(c => !c.Hidden))
            Command(s, child, "aws-session");
        s.Append("""
            .SH EXIT STATUS
            0 on success; 1 for an AWS or runtime failure (or a closed or full stdout), with one line on stderr; 2 for a
            usage error, before any AWS call; 130 when a picker or an MFA prompt is cancelled; \fBexec\fR returns its command's status (126 not executable, 127 not
            found, 128+N killed by signal N).
            .SH ENVIRONMENT
            The AWS CLI's variables (\fBAWS_PROFILE\fR, \fBAWS_ACCESS_KEY_ID\fR, \fBAWS_SECRET_ACCESS_KEY\fR,
            \fBAWS_SESSION_TOKEN\fR, \fBAWS_REGION\fR, \fBAWS_CONFIG_FILE\fR, \fBAWS_SHARED_CREDENTIALS_FILE\fR,
            \fBAWS_ENDPOINT_URL\fR and the per-service \fBAWS_ENDPOINT_URL_*\fR, \fBAWS_IGNORE_CONFIGURED_ENDPOINT_URLS\fR,
            \fBAWS_USE_FIPS_ENDPOINT\fR, \fBAWS_USE_DUALSTACK_ENDPOINT\fR, \fBAWS_CA_BUNDLE\fR; before the profile's
            \fBendpoint_url\fR, \fBservices\fR, \fBuse_fips_endpoint\fR, \fBuse_dualstack_endpoint\fR and \fBca_bundle\fR), \fBXDG_CACHE_HOME\fR and
            \fBAWS_SESSION_CACHE_DIR\fR (the cache), \fBAWS_SESSION_BACKEND\fR (the secret store), \fBAWS_SESSION_PROMPT\fR
            (how the MFA code is asked, as \fB--prompt\fR), \fBSHELL\fR (the
            output syntax) and \fBBROWSER\fR. The exports set \fBAWS_ACCESS_KEY_ID\fR, \fBAWS_SECRET_ACCESS_KEY\fR,
            \fBAWS_SESSION_TOKEN\fR, \fBAWS_CREDENTIAL_EXPIRATION\fR, \fBAWS_REGION\fR, \fBAWS_DEFAULT_REGION\fR and
            \fBAWS_SESSION_IDENTITY\fR.
            .SH FILES
            .TP
            .I ~/.aws/config\fR, \fI~/.aws/credentials
            profiles and base keys, as the AWS CLI reads them
            .TP
            .I ~/.cache/aws-session/
            the session and account caches (directory 0700, files 0600)
            .TP
            .I ~/.aws/sso/cache/
            IAM Identity Center tokens, shared with the AWS CLI
            .TP
            .I aws-session-full
            beside the \fBaws-session\fR executable (symlinks resolved): the complete tool. A native \fBaws-session\fR
            serves cache hits of its everyday command lines itself and gives every other run to it unchanged.
            .SH SEE ALSO
            .BR aws (1)

            """.Replace("-", "\\-", StringComparison.Ordinal));
        return s.ToString();
    }

    private static void Command(StringBuilder s, Command command, string parent)
    {
        var path = parent + " " + command.Name;
        var usage = new StringBuilder(Escape(path));
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
            usage.Append(a.Arity.MinimumNumberOfValues > 0 ? $" {Escape(a.Name)}" : $" [{Escape(a.Name)}]");
        if (command.Subcommands.Any(c => !c.Hidden))
            usage.Append(" [" + string.Join(" | ", command.Subcommands.Where(c => !c.Hidden).Select(c => Escape(c.Name))) + " ...]");
        s.Append(".SS \"").Append(usage.Replace("\"", "\\(dq")).Append("\"\n");
        Text(s, command.Description ?? "");
        foreach (var a in command.Arguments.Where(a => !a.Hidden))
        {
            s.Append(".TP\n\\fI").Append(Escape(a.Name)).Append("\\fR\n");
            Text(s, a.Description ?? "");
        }
        foreach (var option in command.Options.Where(o => !o.Hidden))
            Option(s, option);
        foreach (var child in command.Subcommands.Where(c => !c.Hidden))
            Command(s, child, path);
    }

    private static void Option(StringBuilder s, Option option)
    {
        var names = new[] { option.Name }.Concat(option.Aliases.Where(a => a.StartsWith('-') && a != option.Name))
            .OrderByDescending(n => n.Length);
        s.Append(".TP\n").Append(string.Join(", ", names.Select(n => $"\\fB{Escape(n)}\\fR")));
        if (option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0)
        {
            var values = option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();
            var value = values.Count > 0 ? string.Join("|", values) : option.HelpName ?? "VALUE";
            s.Append(" \\fI").Append(Escape(value)).Append("\\fR");
        }
        s.Append('\n');
        Text(s, option.Description ?? "");
    }

    /// <summary>
    /// Help text: unindented lines are filled prose, indented ones (the examples) are kept as they are; a blank
    /// line is vertical space, which also keeps a .TP item's indentation.
    /// </summary>
    private static void Text(StringBuilder s, string text)
    {
        var literal = false;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Trim('\n').Split('\n'))
        {
            var line = raw.TrimEnd();
            var indented = line.Length > 0 && char.IsWhiteSpace(line[0]);
            if (indented != literal && line.Length > 0)
            {
                s.Append(indented ? ".nf\n" : ".fi\n");
                literal = indented;
            }
            if (line.Length == 0)
                s.Append(".sp\n");
            else
                s.Append(indented ? "\\&" + Escape(line) : Escape(line.TrimStart())).Append('\n');
        }
        if (literal)
            s.Append(".fi\n");
    }

    /// <summary>
    /// Text safe in roff: backslashes and minus signs escaped, a leading dot or quote defused, and every non-ASCII
    /// character as a named Unicode escape (man-db's preconv would do that, groff alone reads Latin-1).
    /// </summary>
    public static string Escape(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            s.Append(c switch
            {
                '\\' => "\\e",
                '-' => "\\-",
                _ when c > 127 => $"\\[u{(int)c:X4}]",
                _ => c.ToString(),
            });
        }
        var result = s.ToString();
        return result.StartsWith('.') || result.StartsWith('\'') ? "\\&" + result : result;
    }
}
