using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>The one line on stderr about the session: made now or taken from the cache, and until when (UTC, and how long).</summary>
[Collection(MotoCollection.Name)]
public sealed class SessionMessagesTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Fact]
    public async Task A_new_mfa_session_and_a_cached_one_each_say_which_they_are()
    {
        var first = await _tool.RunAsync("mfa", "-t", "123456");
        var second = await _tool.RunAsync("mfa");

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stderr.ShouldMatch($"aws-session: New MFA session for {moto.Seed.Devices[0]}{SessionLine.Until}");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stderr.ShouldMatch($"aws-session: Using cached MFA session for {moto.Seed.Devices[0]}{SessionLine.Until}");
        second.Stderr.ShouldNotContain("New MFA session");
    }

    [Fact]
    public async Task A_cache_hit_is_not_told_as_a_new_assume_role()
    {
        var id = moto.Seed.Accounts[0].Id;
        var first = await _tool.RunAsync("pose", id, "-t", "123456");
        var second = await _tool.RunAsync("pose", id);

        first.ExitCode.ShouldBe(0, first.ToString());
        first.Stderr.ShouldMatch($"aws-session: Assumed OrganizationAccountAccessRole in {id}{SessionLine.Until}");
        second.ExitCode.ShouldBe(0, second.ToString());
        second.Stderr.ShouldMatch($"aws-session: Using cached role session OrganizationAccountAccessRole in {id}{SessionLine.Until}");
        second.Stderr.ShouldNotContain("Assumed");
    }

    public void Dispose() => _tool.Dispose();
}
