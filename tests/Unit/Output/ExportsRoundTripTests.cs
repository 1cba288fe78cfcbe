using System.Diagnostics;
using System.Text;
using AwsSession.Output;
using CsCheck;

namespace AwsSession.Tests.Unit.Output;

/// <summary>
/// Property: any value (every shell metacharacter, quotes, newlines, Unicode) survives a real `eval` unchanged,
/// so nothing inside a value ever runs. One shell process checks a whole batch of values.
/// </summary>
public sealed class ExportsRoundTripTests
{
    private const string Metacharacters = "'\"`$\\!*?[](){}<>|&;#~=%^ \t\n\r-+,.:@/\u2018\u2019\u201A\u201B";

    /// <summary>Values as hostile as a shell can get; no NUL, which no environment variable can hold.</summary>
    internal static readonly Gen<string> Values = Gen.String[
        Gen.Frequency(
            (6, Gen.Char[Metacharacters]),
            (3, Gen.Char['a', 'z']),
            (1, Gen.Char['\u0001', '\u001f']),
            (1, Gen.Char['\u00a0', '\ud7ff'])),
        0, 40];

    [Theory]
    [InlineData(ShellKind.Bash, "bash")]
    [InlineData(ShellKind.Sh, "dash")]
    [InlineData(ShellKind.Zsh, "bash")]
    public void Any_value_round_trips_through_eval(ShellKind kind, string shell)
    {
        Values.Array[1, 12].Sample(values => RoundTrips(kind, shell, values), iter: 25, threads: 1);
    }

    [Fact]
    public void Command_substitution_in_a_value_is_never_run()
    {
        var marker = Path.Combine(Path.GetTempPath(), "aws-session-pwned-" + Guid.NewGuid().ToString("N"));
        string[] values = [$"$(touch {marker})", $"`touch {marker}`", $"'; touch {marker}; '", $"\"; touch {marker}; \"", $"\n touch {marker}\n"];

        RoundTrips(ShellKind.Bash, "bash", values).ShouldBeTrue();
        RoundTrips(ShellKind.Sh, "dash", values).ShouldBeTrue();
        File.Exists(marker).ShouldBeFalse();
    }

    private static bool RoundTrips(ShellKind kind, string shell, string[] values)
    {
        var set = values.Select((v, i) => new KeyValuePair<string, string>($"X{i}", v)).ToList();
        var exports = ExportsFormatter.Render(kind, set, ["AWS_PROFILE"]);
        var script = "eval \"$1\" || exit 99; for n in " + string.Join(' ', set.Select(kv => kv.Key)) + "; do eval \"printf '%s\\0' \\\"\\$$n\\\"\"; done";
        var output = Run(shell, ["-c", script, shell, exports]);
        var got = output.Split('\0')[..^1];
        got.ShouldBe(values, $"exports were:\n{exports}");
        return true;
    }

    private static string Run(string shell, string[] args)
    {
        var psi = new ProcessStartInfo(shell) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, stderr);
        return stdout.Result;
    }
}
