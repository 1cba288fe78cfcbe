using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Cache;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Prompts;

/// <summary>
/// mfa_process runs under /bin/sh in HOME; only a clean 6-digit answer on stdout is a code. It runs bounded: in time,
/// in output, without recursion, and leaves no process behind.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessCodeTests : IDisposable
{
    private static readonly MfaDevice Device = new("arn:aws:iam::123456789012:mfa/alice");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();

    private ProcessCode Code(string command, string? timeout = null, string? credentialProcessProfile = null) =>
        new(command, timeout is null ? Env.Of(("HOME", _dir.Path)) : Env.Of(("HOME", _dir.Path), (ProcessCode.TimeoutVariable, timeout)), credentialProcessProfile);

    private Task<string> Run(string command, string? timeout = null, string? credentialProcessProfile = null) =>
        Code(command, timeout, credentialProcessProfile).GetCodeAsync(Device, 1, CancellationToken.None).AsTask().WaitAsync(Bound);

    [Fact]
    public async Task The_code_it_prints_is_the_code_with_surrounding_whitespace_dropped() =>
        (await Run("printf '  123456\\n'")).ShouldBe("123456");

    [Fact]
    public async Task It_is_told_which_device_the_code_is_for() =>
        (await Run("test \"$AWS_SESSION_MFA_DEVICE\" = arn:aws:iam::123456789012:mfa/alice && echo 654321")).ShouldBe("654321");

    [Fact]
    public async Task Under_credential_process_it_carries_the_marker_and_otherwise_not()
    {
        (await Run("test \"$AWS_SESSION_CREDENTIAL_PROCESS\" = prod && echo 111111", credentialProcessProfile: "prod")).ShouldBe("111111");
        (await Run("test -z \"$AWS_SESSION_CREDENTIAL_PROCESS\" && echo 222222")).ShouldBe("222222");
        Environment.GetEnvironmentVariable(ChildEnvironmentNames.CredentialProcess).ShouldBeNull();
    }

    [Fact]
    public async Task A_failing_command_reports_its_exit_code_and_first_stderr_line_never_its_stdout()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(() => Run("echo 999999; echo 'vault locked' >&2; echo more >&2; exit 3"));

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
        var e = await Should.ThrowAsync<AwsSessionException>(() => Run(command));

        e.Line.ShouldBe("mfa_process did not print a 6-digit code; it must print only the code on stdout");
    }

    [Fact]
    public void It_cannot_be_asked_again_for_another_code() =>
        Code("true").CanRetry.ShouldBeFalse();

    [Fact]
    public async Task A_hung_process_is_stopped_after_the_timeout_with_everything_it_started()
    {
        var pidFile = Path.Combine(_dir.Path, "pid");

        var e = await Should.ThrowAsync<AwsSessionException>(() => Run($"sleep 1000 & echo $! > '{pidFile}'; wait", timeout: "1"));

        e.Message.ShouldBe("mfa_process did not give a code within 1s; it was stopped");
        var pid = int.Parse(File.ReadAllText(pidFile).Trim());
        for (var i = 0; i < 100 && Alive(pid); i++)
            await Task.Delay(50);
        Alive(pid).ShouldBeFalse();
    }

    [Fact]
    public void The_timeout_is_60_seconds_unless_configured()
    {
        Code("true").Timeout.ShouldBe(TimeSpan.FromSeconds(60));
        Code("true", timeout: "2m").Timeout.ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Endless_output_is_cut_at_the_cap_and_the_process_stopped()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(() => Run("yes 123456"));

        e.Message.ShouldBe($"mfa_process printed more than {ProcessCode.MaxOutput} bytes; it was stopped");
    }

    [Fact]
    public async Task The_process_is_marked_so_an_aws_session_inside_it_fails_instead_of_waiting_for_itself()
    {
        (await Run($"test \"${ChildEnvironmentNames.InMfaProcess}\" = '{Device.SerialNumber}' && echo 654321")).ShouldBe("654321");

        var e = Should.Throw<AwsSessionException>(() => ProcessCode.GuardRecursion(Env.Of((ChildEnvironmentNames.InMfaProcess, Device.SerialNumber))));
        e.Message.ShouldContain("started by the mfa_process");
        ProcessCode.GuardRecursion(Env.Of());
    }

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    public void Dispose() => _dir.Dispose();
}
