using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Tests.Unit.Cache;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Credentials;

/// <summary>mfa_process runs bounded: in time, in output, without recursion, and leaves no process behind.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ProcessCodeTests : IDisposable
{
    private static readonly MfaDevice Device = new("arn:aws:iam::123456789012:mfa/alice");
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private readonly TempDir _dir = new();

    private ProcessCode Code(string command, string? timeout = null) =>
        new(command, timeout is null ? Env.Of(("HOME", _dir.Path)) : Env.Of(("HOME", _dir.Path), (ProcessCode.TimeoutVariable, timeout)));

    private Task<string> Run(ProcessCode code) => code.GetCodeAsync(Device, 1, CancellationToken.None).AsTask().WaitAsync(Bound);

    [Fact]
    public async Task A_printed_code_is_used()
    {
        (await Run(Code("echo 123456"))).ShouldBe("123456");
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_its_code_and_first_stderr_line()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(() => Run(Code("echo locked >&2; exit 3")));

        e.Message.ShouldBe("mfa_process exited with code 3");
        e.Hint.ShouldBe("locked");
    }

    [Fact]
    public async Task A_hung_process_is_stopped_after_the_timeout_with_everything_it_started()
    {
        var pidFile = Path.Combine(_dir.Path, "pid");

        var e = await Should.ThrowAsync<AwsSessionException>(() => Run(Code($"sleep 1000 & echo $! > '{pidFile}'; wait", timeout: "1")));

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
        var e = await Should.ThrowAsync<AwsSessionException>(() => Run(Code("yes 123456")));

        e.Message.ShouldBe($"mfa_process printed more than {ProcessCode.MaxOutput} bytes; it was stopped");
    }

    [Fact]
    public async Task The_process_is_marked_so_an_aws_session_inside_it_fails_instead_of_waiting_for_itself()
    {
        (await Run(Code($"test \"${ChildEnvironmentNames.InMfaProcess}\" = '{Device.SerialNumber}' && echo 654321"))).ShouldBe("654321");

        var e = Should.Throw<AwsSessionException>(() => ProcessCode.GuardRecursion(Env.Of((ChildEnvironmentNames.InMfaProcess, Device.SerialNumber))));
        e.Message.ShouldContain("started by the mfa_process");
        ProcessCode.GuardRecursion(Env.Of());
    }

    private static bool Alive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ");

    public void Dispose() => _dir.Dispose();
}
