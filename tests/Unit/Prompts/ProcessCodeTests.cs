using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Prompts;

/// <summary>mfa_process runs under /bin/sh in HOME; only a clean 6-digit answer on stdout is a code.</summary>
public sealed class ProcessCodeTests
{
    private static readonly MfaDevice Device = new("arn:aws:iam::123456789012:mfa/alice");
    private static readonly EnvironmentVariables Home = Env.Of(("HOME", Path.GetTempPath()));

    private static ValueTask<string> Run(string command, string? credentialProcessProfile = null) =>
        new ProcessCode(command, Home, credentialProcessProfile).GetCodeAsync(Device, 1, default);

    [Fact]
    public async Task The_code_it_prints_is_the_code_with_surrounding_whitespace_dropped() =>
        (await Run("printf '  123456\\n'")).ShouldBe("123456");

    [Fact]
    public async Task It_is_told_which_device_the_code_is_for() =>
        (await Run("test \"$AWS_SESSION_MFA_DEVICE\" = arn:aws:iam::123456789012:mfa/alice && echo 654321")).ShouldBe("654321");

    [Fact]
    public async Task Under_credential_process_it_carries_the_marker_and_otherwise_not()
    {
        (await Run("test \"$AWS_SESSION_CREDENTIAL_PROCESS\" = prod && echo 111111", "prod")).ShouldBe("111111");
        (await Run("test -z \"$AWS_SESSION_CREDENTIAL_PROCESS\" && echo 222222")).ShouldBe("222222");
        Environment.GetEnvironmentVariable(ChildEnvironmentNames.CredentialProcess).ShouldBeNull();
    }

    [Fact]
    public async Task A_failing_command_reports_its_exit_code_and_first_stderr_line_never_its_stdout()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(async () => await Run("echo 999999; echo 'vault locked' >&2; echo more >&2; exit 3"));

        e.Message.ShouldBe("mfa_process exited with code 3");
        e.Hint.ShouldBe("vault locked");
        e.Line.ShouldNotContain("999999");
    }

    [Theory]
    [InlineData("echo 12345")]
    [InlineData("echo 1234567")]
    [InlineData("echo abcdef")]
    [InlineData("echo 123456; echo 654321")]
    [InlineData("true")]
    public async Task Anything_but_six_digits_is_refused_without_echoing_it(string command)
    {
        var e = await Should.ThrowAsync<AwsSessionException>(async () => await Run(command));

        e.Line.ShouldBe("mfa_process did not print a 6-digit code; it must print only the code on stdout");
    }

    [Fact]
    public void It_cannot_be_asked_again_for_another_code() =>
        new ProcessCode("true", Home).CanRetry.ShouldBeFalse();
}
