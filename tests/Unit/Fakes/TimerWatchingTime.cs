using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when code under test starts waiting on it, so a test of a background
/// loop advances the clock only once the loop is waiting (advancing earlier would be lost), with no real-time polling.
/// </summary>
public sealed class TimerWatchingTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim _created = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _created.Release();
        return timer;
    }

    /// <summary>Waits for the next timer (a Task.Delay on this clock); the real-time bound only keeps a broken loop from hanging the run.</summary>
    public async Task NextTimerAsync() => (await _created.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue("nothing started waiting on the clock");
}
