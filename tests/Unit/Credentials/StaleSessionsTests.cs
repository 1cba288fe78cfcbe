using AwsSession.Aws;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class StaleSessionsTests
{
    private readonly RecordingStatus _status = new();

    [Fact]
    public async Task A_cached_session_AWS_refuses_is_dropped_and_the_call_runs_once_more_with_a_new_one()
    {
        var source = new Source(cachedFirst: true);
        var calls = new List<string>();

        var (session, result) = await StaleSessions.UseAsync(source, (Session s) =>
        {
            calls.Add(s.Credentials.AccessKeyId);
            return s.FromCache ? throw new CredentialsRejectedException("STS GetCallerIdentity: AWS rejected the credentials") : Task.FromResult("ok");
        }, _status, CancellationToken.None);

        result.ShouldBe("ok");
        session.Credentials.AccessKeyId.ShouldBe("ASIANEW1");
        calls.ShouldBe(["ASIACACHED", "ASIANEW1"]);
        source.Invalidated.ShouldBe(1);
        _status.Notes.ShouldHaveSingleItem().ShouldBe("AWS refused the cached MFA session (rejected); dropped it, making a new one");
    }

    [Fact]
    public async Task An_expired_cached_session_is_named_expired()
    {
        var source = new Source(cachedFirst: true);

        await StaleSessions.UseAsync(source, (Session s) => s.FromCache ? throw new ExpiredTokenException("expired") : Task.FromResult(0), _status, CancellationToken.None);

        _status.Notes.ShouldHaveSingleItem().ShouldContain("(expired)");
    }

    [Fact]
    public async Task A_session_just_made_is_not_remade_when_refused()
    {
        var source = new Source(cachedFirst: false);

        await Should.ThrowAsync<CredentialsRejectedException>(() =>
            StaleSessions.UseAsync<int>(source, (Session _) => throw new CredentialsRejectedException("refused"), _status, CancellationToken.None));

        source.Invalidated.ShouldBe(0);
        source.Made.ShouldBe(1);
    }

    [Fact]
    public async Task A_second_refusal_is_the_answer_never_a_loop()
    {
        var source = new Source(cachedFirst: true, laterFromCache: true);

        var e = await Should.ThrowAsync<CredentialsRejectedException>(() =>
            StaleSessions.UseAsync<int>(source, (Session _) => throw new CredentialsRejectedException("refused"), _status, CancellationToken.None));

        e.Message.ShouldBe("refused");
        source.Invalidated.ShouldBe(1);
        source.Made.ShouldBe(2);
    }

    [Fact]
    public async Task A_call_that_never_used_the_session_is_not_retried()
    {
        var source = new Source(cachedFirst: true);

        await Should.ThrowAsync<CredentialsRejectedException>(() =>
            StaleSessions.UseAsync<int>(source, (Func<ValueTask<Session>> _) => throw new CredentialsRejectedException("refused"), _status, CancellationToken.None));

        source.Invalidated.ShouldBe(0);
        source.Made.ShouldBe(0);
    }

    [Fact]
    public async Task Other_failures_pass_through_untouched()
    {
        var source = new Source(cachedFirst: true);

        await Should.ThrowAsync<AwsSessionException>(() =>
            StaleSessions.UseAsync<int>(source, (Session _) => throw new AwsSessionException("throttled"), _status, CancellationToken.None));

        source.Invalidated.ShouldBe(0);
    }

    /// <summary>The first session from the cache (or not); later ones new unless <paramref name="laterFromCache"/>.</summary>
    private sealed class Source(bool cachedFirst, bool laterFromCache = false) : ICredentialSource, IInvalidatable
    {
        public int Made { get; private set; }

        public int Invalidated { get; private set; }

        public ValueTask<Session> GetAsync(CancellationToken ct)
        {
            Made++;
            var cached = Made == 1 ? cachedFirst : laterFromCache;
            var id = cached ? "ASIACACHED" : $"ASIANEW{Made - 1}";
            return ValueTask.FromResult(new Session(new AwsCredentials(id, "secret", "token", DateTimeOffset.UtcNow.AddHours(1)), SessionKind.Mfa,
                SessionIdentity.User("arn:aws:iam::123456789012:user/alice")) { FromCache = cached });
        }

        public void Invalidate() => Invalidated++;

        public ValueTask<Session> RenewAsync(Session current, CancellationToken ct) => GetAsync(ct);
    }
}
