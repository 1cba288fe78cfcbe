using System.CommandLine;
using AwsSession.Cli.Commands;
using AwsSession.Cli.Manual;

namespace AwsSession.Tests.Unit.Manual;

public sealed class ManPageTests
{
    private static readonly RootCommand Root = RootCommandFactory.Create(_ => throw new InvalidOperationException("not run"), []);
    private static readonly string Page = ManPage.Render(Root, "9.9.9");

    /// <summary>The page's text from a section heading (".SS \"aws-session exec") to the next heading of any level.</summary>
    private static string Section(string heading)
    {
        var start = Page.IndexOf(heading, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"no heading {heading}");
        var next = Page.IndexOf("\n.S", start + heading.Length, StringComparison.Ordinal);
        return next < 0 ? Page[start..] : Page[start..next];
    }

    private static IEnumerable<(string Path, Command Command)> Commands(Command c, string path)
    {
        foreach (var child in c.Subcommands.Where(s => !s.Hidden))
        {
            var p = path + " " + child.Name;
            yield return (p, child);
            foreach (var nested in Commands(child, p))
                yield return nested;
        }
    }

    [Fact]
    public void Every_visible_command_has_a_section_with_its_arguments_and_options()
    {
        var commands = Commands(Root, "aws-session").ToList();
        commands.Count.ShouldBeGreaterThan(20);
        foreach (var (path, command) in commands)
        {
            var section = Section(".SS \"" + ManPage.Escape(path) + (command.Arguments.Count + command.Subcommands.Count(s => !s.Hidden) > 0 ? " " : "\""));
            foreach (var argument in command.Arguments)
                section.ShouldContain("\\fI" + ManPage.Escape(argument.Name) + "\\fR", customMessage: path);
            foreach (var option in command.Options.Where(o => !o.Hidden))
                foreach (var name in option.Aliases.Append(option.Name).Where(n => n.StartsWith('-')))
                    section.ShouldContain("\\fB" + ManPage.Escape(name) + "\\fR", customMessage: path);
        }
    }

    [Fact]
    public void The_global_options_are_under_options_with_their_values()
    {
        var options = Section(".SH OPTIONS");
        foreach (var option in Root.Options.Where(o => !o.Hidden))
            options.ShouldContain("\\fB" + ManPage.Escape(option.Name) + "\\fR");
        options.ShouldContain("\\fB\\-\\-shell\\fR \\fIbash|fish|json|pwsh|sh|zsh\\fR");
        options.ShouldContain("\\fB\\-\\-mfa\\-token\\fR, \\fB\\-t\\fR \\fICODE\\fR");
    }

    [Fact]
    public void The_hidden_manpage_command_is_not_documented_and_the_version_is_in_the_title()
    {
        Page.ShouldNotContain("aws\\-session manpage");
        Page.ShouldStartWith(".TH AWS-SESSION 1 \"\" \"aws-session 9.9.9\"");
    }

    [Theory]
    [InlineData(".hidden request", "\\&.hidden request")]
    [InlineData("'quote", "\\&'quote")]
    [InlineData("a\\b", "a\\eb")]
    [InlineData("--profile", "\\-\\-profile")]
    [InlineData("caf\u00e9 \u2014", "caf\\[u00E9] \\[u2014]")]
    public void Text_is_escaped_so_roff_reads_it_as_text(string text, string roff) => ManPage.Escape(text).ShouldBe(roff);

    [Fact]
    public void Example_lines_are_kept_unfilled_and_prose_is_filled()
    {
        var mfa = Section(".SS \"aws\\-session mfa ");
        mfa.ShouldContain(".nf\n\\&  eval \"$(aws\\-session mfa)\"\n");
        mfa.ShouldContain(".fi\n");
    }
}
