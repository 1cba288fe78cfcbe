using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// Profile names are data in every completion script. A config file is not trusted to hold only names: a profile
/// called `$(touch${IFS}pwned)` must not run when TAB is pressed, and the completed command line must pass the name
/// itself when Enter is pressed. bash, zsh and fish run interactively in a real terminal (tmux) with their real
/// completion systems; `aws-session` there is a function that prints its arguments. PowerShell runs TabExpansion2,
/// then the completed line.
/// </summary>
public sealed class CompletionHostileNamesTests : IDisposable
{
    private readonly AwsSessionProcess _tool = new("http://127.0.0.1:9", seed: null);

    /// <summary>Names the scripts read (no blank, no ']'): command substitution, backticks, quotes, separators, globs, escapes.</summary>
    public static readonly TheoryData<string> Names = new()
    {
        "$(touch${IFS}pwned)",
        "`touch${IFS}pwned`",
        "it's\"quoted",
        ";touch${IFS}pwned;",
        "prod*",
        @"a\nb$'\n'c",
        "{touch,pwned}",
    };

    public static TheoryData<string, string> ShellsAndNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var shell in new[] { "bash", "zsh", "fish" })
            foreach (var name in Names)
                data.Add(shell, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ShellsAndNames))]
    public async Task Tab_then_Enter_passes_a_hostile_profile_name_as_itself_and_runs_nothing(string shell, string name)
    {
        _tool.WriteAwsFiles($"[profile {name}]\nregion = us-east-1\n");
        var (start, setup, ready) = shell switch
        {
            "bash" => ("bash --norc --noprofile -i", """source <(aws-session completion bash); aws-session() { printf 'arg=<%s>\n' "$@"; }""", "echo ready-$((6*7))"),
            "zsh" => ("zsh -f -i", """autoload -U compinit && compinit -u; source <(aws-session completion zsh); aws-session() { printf 'arg=<%s>\n' "$@"; }""", "echo ready-$((6*7))"),
            _ => ("fish --no-config -i", """aws-session completion fish | source; function aws-session; printf 'arg=<%s>\n' $argv; end""", "echo ready-(math 6 '*' 7)"),
        };
        var env = new Dictionary<string, string>(_tool.Environment) { ["PS1"] = "$ ", ["PROMPT"] = "$ " };
        await using var terminal = await TmuxTerminal.StartAsync(start, env);
        await terminal.TypeAsync(setup + "; " + ready);
        await terminal.SendKeysAsync("Enter");
        // The typed line shows the expression; only the shell's answer shows the number.
        await terminal.WaitForTextAsync("ready-42", TimeSpan.FromSeconds(30));

        await terminal.TypeAsync("aws-session --profile ");
        await terminal.SendKeysAsync("Tab");
        await Task.Delay(1000);
        await terminal.SendKeysAsync("Enter");
        var screen = await terminal.WaitForTextAsync("arg=<--profile>", TimeSpan.FromSeconds(30));

        var args = screen.Split('\n').Select(l => l.TrimEnd()).Where(l => l.StartsWith("arg=<", StringComparison.Ordinal)).ToList();
        args.ShouldBe(["arg=<--profile>", $"arg=<{name}>"], screen);
        File.Exists(Path.Combine(_tool.Home, "pwned")).ShouldBeFalse(screen);
        File.Exists(Path.Combine(_tool.Home, "touch")).ShouldBeFalse(screen);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task PowerShell_completes_a_hostile_profile_name_as_itself_and_runs_nothing(string name)
    {
        _tool.WriteAwsFiles($"[profile {name}]\nregion = us-east-1\n");
        const string script = """
            aws-session completion pwsh | Out-String | Invoke-Expression
            $line = 'aws-session --profile '
            $found = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            "count=$($found.Count)"
            # Defined after completing: a native completer serves the program, not a function of the same name.
            function aws-session { $args | ForEach-Object { "arg=<$_>" } }
            Invoke-Expression ($line + $found[0].CompletionText)
            """;

        var r = await ProcessRunner.RunAsync(Pwsh.Path, ["-NoProfile", "-NonInteractive", "-Command", script], _tool.Environment, timeout: TimeSpan.FromSeconds(60), workingDirectory: _tool.Home);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ShouldBe(["count=1", "arg=<--profile>", $"arg=<{name}>"], r.ToString());
        File.Exists(Path.Combine(_tool.Home, "pwned")).ShouldBeFalse(r.ToString());
    }

    public void Dispose() => _tool.Dispose();
}

/// <summary>PowerShell: `pwsh` on PATH, else the .NET global tool .ci/run installs into the repository's .tools/.</summary>
public static class Pwsh
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => System.IO.Path.Combine(d, "pwsh")).FirstOrDefault(File.Exists);
        var local = System.IO.Path.Combine(Repo.Root, ".tools", "pwsh");
        return onPath ?? (File.Exists(local) ? local
            : throw new InvalidOperationException($"pwsh not found on PATH or at {local}: dotnet tool install PowerShell --version 7.6.9 --tool-path {System.IO.Path.GetDirectoryName(local)}"));
    }
}
