namespace AwsSession.Aws;

/// <summary>
/// Bounds of the one retry pipeline every AWS call runs in. The defaults give up on persistent throttling after
/// 4 attempts in a few seconds, and end a hung endpoint within <see cref="TotalTimeout"/>.
/// </summary>
public sealed record RetrySettings
{
    public int MaxAttempts { get; init; } = 4;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(300);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(4);
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(25);

    public static RetrySettings Default { get; } = new();
}
