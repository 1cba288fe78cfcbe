using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>`eval "$(aws-session ...)"` against the shared moto: the exports load and the session works.</summary>
[Collection(MotoCollection.Name)]
public sealed class MfaExportsTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Eval_of_the_exports_gives_a_shell_a_working_session()
    {
        var r = await _tool.ShellAsync("""eval "$(aws-session --mfa-token 123456)" && aws sts get-caller-identity --output text --query Arn && printf 'token=%s\n' "${AWS_SESSION_TOKEN:+set}" """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("arn:aws:");
        r.Stdout.ShouldContain("token=set");
    }

    [Theory]
    [InlineData("bash", "bash")]
    [InlineData("sh", "dash")]
    [InlineData("sh", "bash")]
    [InlineData("zsh", "zsh")]
    public async Task Each_shells_output_evaluates_in_that_shell(string shellOption, string shell)
    {
        var r = await _tool.ShellAsync(
            $"""eval "$(aws-session -t 123456 --shell {shellOption})" && test -n "$AWS_SESSION_TOKEN" && test "$AWS_REGION" = us-east-1 && echo "key=$AWS_ACCESS_KEY_ID exp=$AWS_CREDENTIAL_EXPIRATION" """, shell);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldNotContain($"key={moto.Seed.AccessKeyId}");
        r.Stdout.ShouldMatch(@"exp=\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ");
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Json_output_names_every_variable()
    {
        var r = await _tool.RunAsync("-t", "123456", "--shell", "json");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        foreach (var name in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_CREDENTIAL_EXPIRATION", "AWS_REGION", "AWS_DEFAULT_REGION" })
            doc.RootElement.TryGetProperty(name, out _).ShouldBeTrue(name);
    }

    [Fact]
    public async Task Fish_sources_its_output_with_status_0_and_gets_a_working_session()
    {
        var r = await _tool.ShellAsync(
            """aws-session -t 123456 --shell fish | source; and aws sts get-caller-identity --output text --query Arn; and echo "token=$AWS_SESSION_TOKEN" | string replace -r '=.+' '=set'""", "fish");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("arn:aws:");
        r.Stdout.ShouldContain("token=set");
    }

    [Theory]
    [InlineData("fish", "set -gx AWS_SESSION_TOKEN '")]
    [InlineData("pwsh", "$env:AWS_SESSION_TOKEN = '")]
    [InlineData("zsh", "export AWS_SESSION_TOKEN='")]
    public async Task Each_shell_gets_its_own_assignment_syntax(string shell, string expected)
    {
        var r = await _tool.RunAsync("-t", "123456", "--shell", shell);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain(expected);
    }

    [Fact]
    public async Task The_default_syntax_follows_SHELL()
    {
        _tool.Set("SHELL", "/usr/bin/fish");

        var r = await _tool.RunAsync("-t", "123456");

        r.Stdout.ShouldContain("set -gx AWS_ACCESS_KEY_ID");
    }

    [Fact]
    public async Task A_stale_AWS_PROFILE_does_not_win_over_the_new_session()
    {
        // The keys come from a profile named by AWS_PROFILE; after eval the profile must be gone, or the CLI would use it.
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").Set("AWS_PROFILE", "work");
        _tool.WriteAwsFiles("[profile work]\nregion = us-east-1\n",
            $"[work]\naws_access_key_id = {moto.Seed.AccessKeyId}\naws_secret_access_key = {moto.Seed.SecretAccessKey}\n");

        var r = await _tool.ShellAsync("""
            eval "$(aws-session -t 123456)" || exit 9
            echo "profile=${AWS_PROFILE-unset}"
            aws configure list | grep access_key
            """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("profile=unset");
        r.Stdout.ShouldContain(" env");
        r.Stdout.ShouldNotContain("shared-credentials-file");
    }

    public void Dispose() => _tool.Dispose();
}
