namespace AwsSession.Tests.Unit.Cache;

/// <summary>A clock that runs <paramref name="factor"/> times faster than the real one, so bounded waits end quickly.</summary>
internal sealed class ScaledTime(double factor) : TimeProvider
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _start + (DateTimeOffset.UtcNow - _start) * factor;
}
