using AwsSession.Credentials;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Credentials;

/// <summary>A session made once a run when there is no cache, failures not kept, renewal making a new one.</summary>
public sealed class MadeOnceTests
{
    private sealed class Counting(params Exception?[] failures) : ICredentialSource
    {
        public int Calls { get; private set; }

        public ValueTask<Session> GetAsync(CancellationToken ct)
        {
            var n = Calls++;
            if (n < failures.Length && failures[n] is { } e)
                throw e;
            return ValueTask.FromResult(new Session(new AwsCredentials($"ASIA{n:D16}", "secret", "token", DateTimeOffset.UtcNow.AddHours(1)), SessionKind.Mfa, SessionIdentity.Unverified));
        }

        public override string ToString() => "Counting";
    }

    [Fact]
    public async Task Every_use_of_the_run_shares_the_first_session()
    {
        var inner = new Counting();
        var once = new MadeOnce(inner);

        var first = await once.GetAsync(default);
        var second = await once.GetAsync(default);

        inner.Calls.ShouldBe(1);
        second.ShouldBeSameAs(first);
        once.ToString().ShouldBe("Counting", "the plan's chain reads the same with and without a cache");
    }

    [Fact]
    public async Task A_failed_attempt_is_tried_again_by_the_next_use()
    {
        var inner = new Counting(new AwsSessionException("the MFA code was rejected"));
        var once = new MadeOnce(inner);

        await Should.ThrowAsync<AwsSessionException>(() => once.GetAsync(default).AsTask());
        var session = await once.GetAsync(default);

        inner.Calls.ShouldBe(2);
        session.Credentials.AccessKeyId.ShouldBe("ASIA0000000000000001");
    }

    [Fact]
    public async Task Renewal_makes_a_new_session_that_later_uses_share()
    {
        var inner = new Counting();
        var once = new MadeOnce(inner);
        var first = await once.GetAsync(default);

        var renewed = await once.RenewAsync(first, default);

        renewed.Credentials.AccessKeyId.ShouldNotBe(first.Credentials.AccessKeyId);
        (await once.GetAsync(default)).ShouldBeSameAs(renewed);
        once.Invalidate();
        (await once.GetAsync(default)).Credentials.AccessKeyId.ShouldBe("ASIA0000000000000002");
    }
}
