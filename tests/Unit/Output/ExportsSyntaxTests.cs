using System.Text;
using AwsSession.Output;
using CsCheck;

namespace AwsSession.Tests.Unit.Output;

/// <summary>
/// Shells not installed here (pwsh, fish) are checked by reading their quoting rules back: a decoder of the
/// shell's single-quoted literal must give the value back and end exactly at the closing quote.
/// </summary>
public sealed class ExportsSyntaxTests
{
    private static readonly char[] PwshQuotes = ['\'', '\u2018', '\u2019', '\u201A', '\u201B'];

    [Fact]
    public void Pwsh_literals_decode_back_to_the_value()
    {
        ExportsRoundTripTests.Values.Sample(v => DecodePwsh(ExportsFormatter.PwshQuote(v)) == v, iter: 2000);
    }

    [Fact]
    public void Fish_literals_decode_back_to_the_value()
    {
        ExportsRoundTripTests.Values.Sample(v => DecodeFish(ExportsFormatter.FishQuote(v)) == v, iter: 2000);
    }

    [Theory]
    [InlineData(ShellKind.Pwsh, "$env:AWS_REGION = 'us-east-1'", "Remove-Item Env:AWS_PROFILE -ErrorAction SilentlyContinue")]
    [InlineData(ShellKind.Fish, "set -gx AWS_REGION 'us-east-1';", "set -e AWS_PROFILE; or true;")]
    [InlineData(ShellKind.Bash, "export AWS_REGION='us-east-1'", "unset AWS_PROFILE")]
    [InlineData(ShellKind.Zsh, "export AWS_REGION='us-east-1'", "unset AWS_PROFILE")]
    [InlineData(ShellKind.Sh, "export AWS_REGION='us-east-1'", "unset AWS_PROFILE")]
    public void Each_shell_gets_its_own_statements_and_unsets_come_first(ShellKind shell, string export, string unset)
    {
        var text = ExportsFormatter.Render(shell, [new("AWS_REGION", "us-east-1")], ["AWS_PROFILE"]);

        text.ShouldBe(unset + "\n" + export + "\n");
    }

    [Fact]
    public void Json_holds_the_values_exactly()
    {
        var text = ExportsFormatter.Render(ShellKind.Json, [new("A", "x'\"\n\\"), new("B", "")], ["AWS_PROFILE"]);

        using var doc = System.Text.Json.JsonDocument.Parse(text);
        doc.RootElement.GetProperty("A").GetString().ShouldBe("x'\"\n\\");
        doc.RootElement.GetProperty("B").GetString().ShouldBe("");
        text.ShouldNotContain("AWS_PROFILE");
    }

    /// <summary>PowerShell: a single-quoted string; two quote characters in a row stand for one quote.</summary>
    private static string? DecodePwsh(string literal)
    {
        if (literal.Length < 2 || !PwshQuotes.Contains(literal[0]))
            return null;
        var sb = new StringBuilder();
        for (var i = 1; i < literal.Length; i++)
        {
            var c = literal[i];
            if (!PwshQuotes.Contains(c))
            {
                sb.Append(c);
                continue;
            }
            if (i + 1 < literal.Length && PwshQuotes.Contains(literal[i + 1]))
            {
                sb.Append(c);
                i++;
                continue;
            }
            return i == literal.Length - 1 ? sb.ToString() : null; // the closing quote must be the last character
        }
        return null;
    }

    /// <summary>fish: inside '...' only \\ and \' are escapes; any other backslash is literal.</summary>
    private static string? DecodeFish(string literal)
    {
        if (literal.Length < 2 || literal[0] != '\'')
            return null;
        var sb = new StringBuilder();
        for (var i = 1; i < literal.Length; i++)
        {
            var c = literal[i];
            if (c == '\\' && i + 1 < literal.Length && literal[i + 1] is '\\' or '\'')
            {
                sb.Append(literal[++i]);
                continue;
            }
            if (c == '\'')
                return i == literal.Length - 1 ? sb.ToString() : null;
            sb.Append(c);
        }
        return null;
    }
}
