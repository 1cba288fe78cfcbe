using System.Diagnostics;
using System.Text;
using AwsSession.Output;
using CsCheck;

namespace AwsSession.Tests.Unit.Output;

/// <summary>
/// Property (issue 9): any value (every shell metacharacter, quotes of all kinds, backslashes, newlines, command
/// substitutions, Unicode) survives a real evaluation of the exports unchanged in bash, dash, zsh and fish, so
/// evaluating the output never runs injected code: the values carry commands that would create a marker file, and
/// it never appears. One shell process checks a whole batch of values. PowerShell is not installed here: its
/// quoting is checked by decoding (<see cref="ExportsSyntaxTests"/>).
/// </summary>
public sealed class ExportsRoundTripTests
{
    private const string Metacharacters =
        "'\"`$\\!*?[](){}<>|&;#~=%^ \t\n\r\v\f-+,.:@/\u2018\u2019\u201A\u201B\u201C\u201D\u00B4\u2032";

    /// <summary>A file that exists only if something inside a value was executed.</summary>
    private static readonly string Marker = Path.Combine(Path.GetTempPath(), "aws-session-pwned-" + Guid.NewGuid().ToString("N"));

    /// <summary>Ways out of a quoted value into code, for every syntax the formatter writes.</summary>
    private static readonly string[] Injections =
    [
        $"$(touch {Marker})", $"`touch {Marker}`", $"${{IFS}}$(touch {Marker})", $"$((1+1))", "${HOME}",
        $"'; touch {Marker}; '", $"'\"'\"'; touch {Marker}; #", $"\"; touch {Marker}; \"", $"\n touch {Marker}\n",
        $"\\'; touch {Marker}; echo \\'", $"\\\\'; touch {Marker}; #", $"(touch {Marker})", $"''; touch {Marker}", // fish
        $"\u2019; touch {Marker}; \u2018", $"$(New-Item {Marker})", "%PATH%", "!!", "\\", "\\'",
    ];

    /// <summary>Values as hostile as a shell can get; no NUL, which no environment variable can hold.</summary>
    internal static readonly Gen<string> Values = Gen.Frequency(
            (8, Gen.Char[Metacharacters].Select(c => c.ToString())),
            (3, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (1, Gen.Char['\u0001', '\u001f'].Select(c => c.ToString())),
            (1, Gen.Char['\u00a0', '\ud7ff'].Select(c => c.ToString())),
            (2, Gen.Int[0, Injections.Length - 1].Select(i => Injections[i])))
        .Array[0, 16].Select(parts => string.Concat(parts));

    /// <summary>A shell that evaluates the exports in $1 (argv[1]) and prints each named variable NUL-terminated.</summary>
    private sealed record Shell(ShellKind Kind, string Program, string[] Options, string Script);

    private const string PosixScript = "eval \"$1\" || exit 99; shift; for n; do eval \"printf '%s\\0' \\\"\\$$n\\\"\"; done";

    private static readonly Dictionary<string, Shell> Shells = new()
    {
        ["bash"] = new(ShellKind.Bash, "bash", ["--norc", "--noprofile"], PosixScript),
        ["dash"] = new(ShellKind.Sh, "dash", [], PosixScript),
        ["zsh"] = new(ShellKind.Zsh, "zsh", ["-f"], PosixScript),
        // As the README loads it: aws-session --shell fish | source
        ["fish"] = new(ShellKind.Fish, "fish", ["--no-config"],
            "printf '%s\\n' $argv[1] | source; or exit 99; for n in $argv[2..-1]; printf '%s\\0' $$n; end"),
    };

    public static TheoryData<string> ShellNames => new(Shells.Keys);

    [Theory]
    [MemberData(nameof(ShellNames))]
    public void Any_value_round_trips_and_nothing_in_it_runs(string shell)
    {
        Values.Array[1, 12].Sample(values => RoundTrips(Shells[shell], values), iter: 25, threads: 1);

        File.Exists(Marker).ShouldBeFalse($"{shell} executed code from inside a value");
    }

    [Theory]
    [MemberData(nameof(ShellNames))]
    public void Every_injection_stays_a_value(string shell)
    {
        RoundTrips(Shells[shell], Injections).ShouldBeTrue();

        File.Exists(Marker).ShouldBeFalse($"{shell} executed code from inside a value");
    }

    private static bool RoundTrips(Shell shell, string[] values)
    {
        var set = values.Select((v, i) => new KeyValuePair<string, string>($"X{i}", v)).ToList();
        var exports = ExportsFormatter.Render(shell.Kind, set, ["AWS_PROFILE"]);
        // POSIX shells take the word after the script as $0; fish puts every word in $argv.
        string[] zeroth = shell.Kind == ShellKind.Fish ? [] : [shell.Program];
        string[] args = [.. shell.Options, "-c", shell.Script, .. zeroth, exports, .. set.Select(kv => kv.Key)];
        var got = Run(shell.Program, args).Split('\0')[..^1];
        got.ShouldBe(values, $"{shell.Program} evaluated these exports differently:\n{exports}");
        return true;
    }

    private static string Run(string program, string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C.UTF-8";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        p.ExitCode.ShouldBe(0, $"{program}: {stderr}");
        return stdout.Result;
    }
}
