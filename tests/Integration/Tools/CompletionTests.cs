using System.Text.RegularExpressions;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// The completion scripts, run in real shells: bash with COMP_WORDS set by hand, fish with `complete -C`,
/// zsh with compadd stubbed (its completion system needs a terminal). Profile names come from the test's HOME.
/// </summary>
public sealed class CompletionTests : IDisposable
{
    private readonly AwsSessionProcess _tool = new("http://127.0.0.1:9", seed: null);

    public CompletionTests()
    {
        _tool.WriteAwsFiles(
            "[default]\nregion = us-east-1\n[profile prod-admin]\nrole_arn = arn:aws:iam::123456789012:role/Admin\n[sso-session corp]\nsso_region = us-east-1\n",
            "[base]\naws_access_key_id = AKIAEXAMPLE\n");
    }

    [Trait("Category", "Smoke")]
    [Theory]
    [InlineData("", "mfa pose exec credential-process console devices whoami completion --profile --shell --version")]
    [InlineData("--profile ''", "base default prod-admin")]
    [InlineData("--profile pr", "prod-admin")]
    [InlineData("--shell f", "fish")]
    [InlineData("pose --s", "--shell --session-name")]
    [InlineData("exec pose --s", "--server --session-name")]
    [InlineData("console ''", "mfa pose --print")]
    [InlineData("completion ''", "bash fish pwsh zsh")]
    [InlineData("--profile pose ''", "mfa pose exec")]
    public async Task Bash_completes_commands_options_profiles_and_values(string words, string expected)
    {
        var r = await _tool.ShellAsync($$"""
            source <(aws-session completion bash) || exit 9
            COMP_WORDS=(aws-session {{(words.Length == 0 ? "''" : words)}}); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _aws_session
            printf '%s\n' "${COMPREPLY[@]}"
            """);

        r.ExitCode.ShouldBe(0, r.ToString());
        var offered = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in expected.Split(' '))
            offered.ShouldContain(word, r.ToString());
        offered.ShouldNotContain("corp");
        offered.ShouldNotContain("sso-session");
    }

    [Fact]
    public async Task Bash_offers_nothing_for_free_values()
    {
        var r = await _tool.ShellAsync("""
            source <(aws-session completion bash); COMP_WORDS=(aws-session --region ''); COMP_CWORD=2; _aws_session; echo "n=${#COMPREPLY[@]}"
            """);

        r.Stdout.Trim().ShouldBe("n=0", r.ToString());
    }

    [Fact]
    public async Task Fish_completes_profiles_and_subcommands()
    {
        var r = await _tool.ShellAsync("""
            aws-session completion fish | source
            complete -C 'aws-session --profile '
            complete -C 'aws-session exec '
            """, shell: "fish");

        r.ExitCode.ShouldBe(0, r.ToString());
        var offered = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        offered.ShouldContain("prod-admin");
        offered.ShouldContain("base");
        offered.ShouldContain("pose");
    }

    [Fact]
    public async Task Zsh_script_parses_and_completes_with_compadd_stubbed()
    {
        var r = await _tool.ShellAsync("""
            compdef() { :; }
            compadd() { [[ $1 == -a ]] && print -rl -- ${(P)2} || { shift; print -rl -- "$@"; } }
            source <(aws-session completion zsh) || exit 9
            words=(aws-session --profile ''); CURRENT=3; _aws_session
            words=(aws-session exec ''); CURRENT=3; _aws_session
            """, shell: "zsh");

        r.ExitCode.ShouldBe(0, r.ToString());
        var offered = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        offered.ShouldContain("prod-admin");
        offered.ShouldContain("pose");
    }

    [Theory]
    [InlineData("login --sso-session ''")]
    [InlineData("logout --sso-session c")]
    [InlineData("login --profile x --sso-session ''")]
    public async Task Bash_completes_sso_session_names_and_only_those_after_sso_session(string words)
    {
        var r = await _tool.ShellAsync($$"""
            source <(aws-session completion bash) || exit 9
            COMP_WORDS=(aws-session {{words}}); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _aws_session
            printf '%s\n' "${COMPREPLY[@]}"
            """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["corp"], r.ToString());
    }

    [Theory]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task Zsh_fish_and_PowerShell_complete_sso_session_names(string shell)
    {
        var r = shell switch
        {
            "zsh" => await _tool.ShellAsync("""
                compdef() { :; }
                compadd() { [[ $1 == -a ]] && print -rl -- ${(P)2} || { shift; print -rl -- "$@"; } }
                source <(aws-session completion zsh) || exit 9
                words=(aws-session login --sso-session ''); CURRENT=4; _aws_session
                """, shell: "zsh"),
            "fish" => await _tool.ShellAsync("""
                aws-session completion fish | source
                complete -C 'aws-session login --sso-session '
                """, shell: "fish"),
            _ => await ProcessRunner.RunAsync(Pwsh.Path, ["-NoProfile", "-NonInteractive", "-Command", """
                aws-session completion pwsh | Out-String | Invoke-Expression
                $line = 'aws-session login --sso-session '
                (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object { $_.CompletionText }
                """], _tool.Environment, timeout: TimeSpan.FromSeconds(60), workingDirectory: _tool.Home),
        };

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ShouldBe(["corp"], r.ToString());
    }

    [Fact]
    public async Task A_hostile_sso_session_name_is_offered_quoted_and_runs_nothing()
    {
        _tool.WriteAwsFiles("[sso-session $(touch${IFS}pwned)]\nsso_region = us-east-1\n");

        var r = await _tool.ShellAsync("""
            source <(aws-session completion bash) || exit 9
            COMP_WORDS=(aws-session login --sso-session ''); COMP_CWORD=3
            _aws_session
            printf '%s\n' "${COMPREPLY[@]}"
            """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.Trim().ShouldBe(@"\$\(touch\$\{IFS\}pwned\)", r.ToString());
        File.Exists(Path.Combine(_tool.Home, "pwned")).ShouldBeFalse(r.ToString());
    }

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    [InlineData("pwsh")]
    public async Task Every_script_names_every_top_level_command(string shell)
    {
        var r = await _tool.RunAsync("completion", shell);

        r.ExitCode.ShouldBe(0, r.ToString());
        foreach (var command in new[] { "exec", "credential-process", "console", "devices", "whoami", "sessions", "clear" })
            r.Stdout.ShouldContain(command);
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var r = await _tool.RunAsync("completion", "tcsh");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Version_prints_the_version_from_Directory_Build_props_and_nothing_else()
    {
        var props = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "Directory.Build.props"));
        var version = Regex.Match(props, "<Version>([^<]+)</Version>").Groups[1].Value;

        var r = await _tool.RunAsync("--version");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBe(version + "\n");
    }

    public void Dispose() => _tool.Dispose();
}
