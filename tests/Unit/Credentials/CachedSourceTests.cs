using AwsSession.Cache;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;
using AwsSession.Tests.Unit.Cache;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class CachedSourceTests : IDisposable
{
    private const string K1 = "mfa-00000000000000000000000000000001";
    private const string K2 = "mfa-00000000000000000000000000000002";
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();

    private SessionCache NewCache() => new(new CacheStore(_dir.Sub("c"), _status), TimeProvider.System, _status);

    [Fact]
    public async Task A_hit_does_not_call_the_inner_source()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        var first = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        var second = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);

        await first.GetAsync(CancellationToken.None);
        var again = await second.GetAsync(CancellationToken.None);

        inner.Calls.ShouldBe(1);
        again.Credentials.AccessKeyId.ShouldBe("ASIA1");
    }

    [Fact]
    public async Task Limited_to_hits_a_miss_hands_off_before_taking_the_lock_or_calling_the_source()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        var store = new CacheStore(_dir.Sub("c"), _status);
        var source = new CachedSource(inner, new SessionCache(store, TimeProvider.System, _status, hitsOnly: true), K1, "default", TimeSpan.FromMinutes(5), _status);

        await Should.ThrowAsync<HandOffException>(async () => await source.GetAsync(CancellationToken.None));

        inner.Calls.ShouldBe(0);
        // No lock and no failure record for other runs to wait on or read.
        (Directory.Exists(store.Directory) ? Directory.GetFiles(store.Directory) : []).ShouldBeEmpty();
    }

    [Fact]
    public async Task Limited_to_hits_a_hit_is_served()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        await new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status).GetAsync(CancellationToken.None);
        var hitsOnly = new SessionCache(new CacheStore(_dir.Sub("c"), _status), TimeProvider.System, _status, hitsOnly: true);

        var session = await new CachedSource(inner, hitsOnly, K1, "default", TimeSpan.FromMinutes(5), _status).GetAsync(CancellationToken.None);

        session.Credentials.AccessKeyId.ShouldBe("ASIA1");
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_cold_callers_make_the_session_once()
    {
        // Each caller has its own cache object and its own lock handle, like separate processes: flock is per open file.
        var inner = new CountingSource(TimeSpan.FromMilliseconds(300));
        var callers = Enumerable.Range(0, 12)
            .Select(_ => new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status))
            .Select(s => Task.Run(async () => await s.GetAsync(CancellationToken.None)))
            .ToList();

        var sessions = await Task.WhenAll(callers);

        inner.Calls.ShouldBe(1);
        sessions.Select(s => s.Credentials.AccessKeyId).Distinct().ShouldBe(["ASIA1"]);
    }

    [Fact]
    public async Task Invalidate_drops_the_entry_so_the_next_call_makes_a_new_session()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        var source = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        await source.GetAsync(CancellationToken.None);

        source.Invalidate();
        var fresh = await source.GetAsync(CancellationToken.None);

        inner.Calls.ShouldBe(2);
        fresh.Credentials.AccessKeyId.ShouldBe("ASIA2");
    }

    [Fact]
    public async Task Renewing_replaces_the_shared_entry_and_a_failed_renewal_leaves_it_in_place()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        var source = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        var first = await source.GetAsync(CancellationToken.None);

        var failing = new CachedSource(new FailingSource(), NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        await Should.ThrowAsync<AwsSessionException>(async () => await failing.RenewAsync(first, CancellationToken.None));
        (await new CachedSource(new FailingSource(), NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status).GetAsync(CancellationToken.None))
            .Credentials.AccessKeyId.ShouldBe("ASIA1", "other processes keep the session while a renewal fails");

        var renewed = await source.RenewAsync(first, CancellationToken.None);
        renewed.Credentials.AccessKeyId.ShouldBe("ASIA2");
        (await new CachedSource(new FailingSource(), NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status).GetAsync(CancellationToken.None))
            .Credentials.AccessKeyId.ShouldBe("ASIA2");
    }

    [Fact]
    public async Task Renewing_takes_the_session_another_process_renewed_meanwhile()
    {
        var inner = new CountingSource(TimeSpan.Zero);
        var mine = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        var theirs = new CachedSource(inner, NewCache(), K1, "default", TimeSpan.FromMinutes(5), _status);
        var first = await mine.GetAsync(CancellationToken.None);
        await Task.Delay(20);
        await theirs.RenewAsync(first, CancellationToken.None);

        var renewed = await mine.RenewAsync(first, CancellationToken.None);

        renewed.Credentials.AccessKeyId.ShouldBe("ASIA2");
        inner.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_writable_cache_every_call_goes_to_the_source()
    {
        File.WriteAllText(_dir.Sub("blocker"), "");
        var cache = new SessionCache(new CacheStore(Path.Combine(_dir.Sub("blocker"), "c"), _status), TimeProvider.System, _status);
        var inner = new CountingSource(TimeSpan.Zero);
        var source = new CachedSource(inner, cache, K1, "default", TimeSpan.FromMinutes(5), _status);

        await source.GetAsync(CancellationToken.None);
        await source.GetAsync(CancellationToken.None);

        inner.Calls.ShouldBe(2);
        _status.Warnings.Count.ShouldBe(1);
    }

    public void Dispose() => _dir.Dispose();

    private sealed class FailingSource : ICredentialSource
    {
        public ValueTask<Session> GetAsync(CancellationToken ct) => ValueTask.FromException<Session>(new AwsSessionException("no code"));
    }

    private sealed class CountingSource(TimeSpan delay) : ICredentialSource
    {
        private int _calls;

        public int Calls => _calls;

        public async ValueTask<Session> GetAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _calls);
            await Task.Delay(delay, ct);
            return new Session(new AwsCredentials($"ASIA{n}", "s", "t", DateTimeOffset.UtcNow.AddHours(1)), SessionKind.Mfa, SessionIdentity.Parse("mfa:x"));
        }
    }
}
