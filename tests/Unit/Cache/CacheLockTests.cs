using AwsSession.Tests.Unit.Fakes;
using AwsSession.Cache;
using AwsSession.Credentials;
using AwsSession.Domain;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Cache;

/// <summary>The lock waits only for a real holder, says so, gives up on a hung one, and never blocks on a broken cache.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheLockTests : IDisposable
{
    private const string Key = "mfa-0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();

    private CacheStore Store() => new(_dir.Sub("c"), _status);

    private SessionCache Cache(TimeProvider? time = null) => new(Store(), time ?? TimeProvider.System, _status);

    private CachedSource Source(ICredentialSource inner, TimeProvider? time = null) =>
        new(inner, Cache(time), Key, "default", TimeSpan.FromMinutes(5), _status, "the MFA session of profile default");

    [Fact]
    public async Task A_lock_path_that_is_a_symlink_loop_means_one_warning_and_no_cache_not_a_wait()
    {
        Directory.CreateDirectory(_dir.Sub("c"));
        File.CreateSymbolicLink(_dir.Sub($"c/{Key}.lock"), _dir.Sub($"c/{Key}.lock"));
        var inner = new Counting();

        var session = await Source(inner).GetAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        session.ShouldNotBeNull();
        inner.Calls.ShouldBe(1);
        var warning = _status.Warnings.ShouldHaveSingleItem();
        warning.ShouldContain(_dir.Sub("c"));
        warning.ShouldContain("working without the cache");
        warning.ShouldNotContain("another aws-session");
    }

    [Fact]
    public async Task A_fifo_at_the_lock_path_is_refused_without_blocking()
    {
        Directory.CreateDirectory(_dir.Sub("c"));
        MkFifo(_dir.Sub($"c/{Key}.lock"));
        var inner = new Counting();

        await Source(inner).GetAsync(CancellationToken.None).AsTask().WaitAsync(Bound);

        inner.Calls.ShouldBe(1);
        _status.Warnings.ShouldHaveSingleItem().ShouldContain("FIFO");
    }

    [Fact]
    public async Task A_waiter_says_within_two_seconds_whom_it_waits_for_and_what_is_being_made()
    {
        var time = new ScaledTime(100);
        var store = Store();
        using (var held = await CacheLock.AcquireAsync(store, Key, "x", time, _status, CancellationToken.None))
        {
            held.Held.ShouldBeTrue();
            var waiter = Source(new Counting(), time).GetAsync(CancellationToken.None).AsTask();
            while (_status.Notes.Count == 0 && !waiter.IsCompleted)
                await Task.Delay(20);
            _status.Notes.ShouldHaveSingleItem()
                .ShouldBe($"waiting for another aws-session (pid {Environment.ProcessId}), which is making the MFA session of profile default");
        }
    }

    [Fact]
    public async Task A_hung_holder_is_given_up_on_with_a_hint_that_is_true_for_flock()
    {
        var time = new ScaledTime(20_000);
        using var held = await CacheLock.AcquireAsync(Store(), Key, "x", time, _status, CancellationToken.None);

        var e = await Should.ThrowAsync<AwsSessionException>(() => Source(new Counting(), time).GetAsync(CancellationToken.None).AsTask().WaitAsync(Bound));

        e.Message.ShouldContain($"gave up after 10m waiting for another aws-session (pid {Environment.ProcessId})");
        e.Hint.ShouldBe($"if it is stuck, end it (kill {Environment.ProcessId}) and run again");
        e.Line.ShouldNotContain("remove");
    }

    [Fact]
    public async Task Eight_waiters_behind_a_failing_holder_report_its_failure_instead_of_each_trying_again()
    {
        var inner = new Counting(TimeSpan.FromMilliseconds(500), fail: true);
        var holder = Source(inner).GetAsync(CancellationToken.None).AsTask();
        while (inner.Calls == 0)
            await Task.Delay(10);

        var waiters = Enumerable.Range(0, 8).Select(_ => Task.Run(() => Source(inner).GetAsync(CancellationToken.None).AsTask())).ToList();

        (await Should.ThrowAsync<AwsSessionException>(() => holder)).Message.ShouldBe("throttled");
        foreach (var w in waiters)
        {
            var e = await Should.ThrowAsync<AwsSessionException>(() => w.WaitAsync(Bound));
            e.Message.ShouldBe($"another aws-session (pid {Environment.ProcessId}) failed just now: throttled");
            e.Hint.ShouldBe("wait a minute");
        }
        inner.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_waiter_cancelled_while_waiting_stops_without_taking_the_lock_from_others()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = Store();
        using var cts = new CancellationTokenSource();
        using (var held = await CacheLock.AcquireAsync(store, Key, "x", time, _status, CancellationToken.None))
        {
            var waiter = CacheLock.AcquireAsync(store, Key, "x", time, _status, cts.Token);
            waiter.IsCompleted.ShouldBeFalse();

            await cts.CancelAsync();

            await Should.ThrowAsync<TaskCanceledException>(() => waiter.WaitAsync(Bound));
            CacheLock.TryHold(store.PathOf(Key + CacheNames.Lock), out _).ShouldBeFalse();
        }

        using var again = await CacheLock.AcquireAsync(store, Key, "x", time, _status, CancellationToken.None).WaitAsync(Bound);
        again.Held.ShouldBeTrue();
        _status.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_run_that_did_not_wait_tries_again_after_a_failure()
    {
        var inner = new Counting(fail: true);
        await Should.ThrowAsync<AwsSessionException>(() => Source(inner).GetAsync(CancellationToken.None).AsTask());

        await Should.ThrowAsync<AwsSessionException>(() => Source(inner).GetAsync(CancellationToken.None).AsTask());

        inner.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_success_removes_the_failure_record()
    {
        await Should.ThrowAsync<AwsSessionException>(() => Source(new Counting(fail: true)).GetAsync(CancellationToken.None).AsTask());
        File.Exists(_dir.Sub($"c/{Key}.failed")).ShouldBeTrue();

        await Source(new Counting()).GetAsync(CancellationToken.None);

        File.Exists(_dir.Sub($"c/{Key}.failed")).ShouldBeFalse();
    }

    internal static void MkFifo(string path)
    {
        using var p = System.Diagnostics.Process.Start("mkfifo", [path]);
        p.WaitForExit();
        p.ExitCode.ShouldBe(0);
    }

    public void Dispose() => _dir.Dispose();

    private sealed class Counting(TimeSpan delay = default, bool fail = false) : ICredentialSource
    {
        private int _calls;

        public int Calls => _calls;

        public async ValueTask<Session> GetAsync(CancellationToken ct)
        {
            var n = Interlocked.Increment(ref _calls);
            await Task.Delay(delay, ct);
            if (fail)
                throw new AwsSessionException("throttled", hint: "wait a minute");
            return new Session(new AwsCredentials($"ASIA{n}", "s", "t", DateTimeOffset.UtcNow.AddHours(1)), SessionKind.Mfa, SessionIdentity.Mfa("x"));
        }
    }
}
