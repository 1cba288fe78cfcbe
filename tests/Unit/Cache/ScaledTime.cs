namespace AwsSession.Tests.Unit.Cache;

/// <summary>
/// A clock that runs <paramref name="factor"/> times faster than the real one, so bounded waits end quickly. It stays
/// (rather than FakeTimeProvider) for the lock's waiter: between sleeps on the clock the waiter retries a real flock
/// held by the test, so the clock must move by itself while the test awaits the waiter; a fake clock would need the
/// test to poll and advance it.
/// </summary>
internal sealed class ScaledTime(double factor) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _start + (DateTimeOffset.UtcNow - _start) * factor;
}
