using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Exec.Server;
using AwsSession.Exec;
using AwsSession.Logging;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Exec.Server;

public class CredentialFeedTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(T0);
    private readonly RecordingStatus _status = new();

    private static Session RoleUntil(DateTimeOffset expiry, string key = "ASIA1") =>
        new(new AwsCredentials(key, "s", "t", expiry), SessionKind.Role, SessionIdentity.Parse("role:x"));

    [Fact]
    public void A_one_hour_session_is_refreshed_15_minutes_before_expiry()
    {
        CredentialFeed.RefreshAt(RoleUntil(T0.AddHours(1)), T0).ShouldBe(T0.AddMinutes(45));
    }

    [Fact]
    public void A_short_session_is_refreshed_at_half_its_life()
    {
        CredentialFeed.RefreshAt(RoleUntil(T0.AddSeconds(40)), T0).ShouldBe(T0.AddSeconds(20));
    }

    [Fact]
    public void Keys_without_expiry_are_never_refreshed()
    {
        var keys = new Session(new AwsCredentials("AKIA", "s"), SessionKind.Environment, SessionIdentity.Parse("keys:default"));

        CredentialFeed.RefreshAt(keys, T0).ShouldBe(DateTimeOffset.MaxValue);
    }

    [Fact]
    public async Task A_refresh_renews_the_cached_session_without_dropping_it()
    {
        var source = new Source(RoleUntil(T0.AddHours(2), "ASIA2"));
        var feed = new CredentialFeed(source, RoleUntil(T0.AddMinutes(10)), _time, _status);

        await feed.RefreshAsync(CancellationToken.None);

        source.Invalidated.ShouldBe(0);
        source.Renewed.ShouldBe(1);
        feed.Current().Session!.Credentials.AccessKeyId.ShouldBe("ASIA2");
        feed.NextRefresh.ShouldBe(T0.AddHours(2).AddMinutes(-15));
    }

    [Fact]
    public async Task A_failed_refresh_keeps_serving_the_old_session_until_it_expires_then_explains()
    {
        var source = new Source(new AwsSessionException("an MFA code is needed for arn:x, and there is no terminal to ask on", hint: "pass --mfa-token CODE"));
        var feed = new CredentialFeed(source, RoleUntil(T0.AddMinutes(10)), _time, _status);

        await feed.RefreshAsync(CancellationToken.None);

        feed.Current().Session!.Credentials.AccessKeyId.ShouldBe("ASIA1");
        feed.NextRefresh.ShouldBe(T0 + CredentialFeed.RetryDelay);
        _status.Warnings.ShouldHaveSingleItem().ShouldContain("no terminal");

        _time.SetUtcNow(T0.AddMinutes(10));
        var answer = feed.Current();
        answer.Session.ShouldBeNull();
        answer.Error!.ShouldContain("no terminal to ask on; pass --mfa-token CODE");
    }

    [Fact]
    public async Task A_refresh_that_keeps_failing_the_same_way_warns_once()
    {
        var source = new Source(new AwsSessionException("the MFA session ended"));
        var feed = new CredentialFeed(source, RoleUntil(T0.AddMinutes(10)), _time, _status);

        await feed.RefreshAsync(CancellationToken.None);
        await feed.RefreshAsync(CancellationToken.None);
        await feed.RefreshAsync(CancellationToken.None);

        _status.Warnings.ShouldHaveSingleItem();
        source.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_later_successful_refresh_clears_the_error()
    {
        var source = new Source(new AwsSessionException("boom"));
        var feed = new CredentialFeed(source, RoleUntil(T0.AddMinutes(1)), _time, _status);
        await feed.RefreshAsync(CancellationToken.None);
        _time.SetUtcNow(T0.AddMinutes(2));
        feed.Current().Error.ShouldNotBeNull();

        source.Next = RoleUntil(T0.AddHours(1), "ASIA3");
        await feed.RefreshAsync(CancellationToken.None);

        feed.Current().ShouldBe(new CredentialAnswer(source.Next as Session, null));
    }

    [Fact]
    public async Task The_background_loop_refreshes_when_the_clock_reaches_the_refresh_time_and_stops_on_dispose()
    {
        var time = new TimerWatchingTime(T0);
        var source = new Source(RoleUntil(T0.AddHours(1), "ASIA4"));
        var feed = CredentialFeed.Start(source, RoleUntil(T0.AddSeconds(2)), time, _status);

        await time.NextTimerAsync();
        source.Calls.ShouldBe(0);
        time.Advance(TimeSpan.FromSeconds(1));
        await time.NextTimerAsync();
        source.Calls.ShouldBe(1);
        feed.Current().Session!.Credentials.AccessKeyId.ShouldBe("ASIA4");

        await feed.DisposeAsync();
        time.Advance(TimeSpan.FromHours(2));
        source.Calls.ShouldBe(1);
    }

    private sealed class Source(object next) : ICredentialSource, IInvalidatable
    {
        public object Next { get; set; } = next;

        public int Calls { get; private set; }

        public int Invalidated { get; private set; }

        public int Renewed { get; private set; }

        public ValueTask<Session> GetAsync(CancellationToken ct)
        {
            Calls++;
            return Next is Exception e ? ValueTask.FromException<Session>(e) : ValueTask.FromResult((Session)Next);
        }

        public void Invalidate() => Invalidated++;

        public ValueTask<Session> RenewAsync(Session current, CancellationToken ct)
        {
            Renewed++;
            return GetAsync(ct);
        }
    }
}
