namespace AwsSession.Tests.Integration.Fixtures;

public enum FaultKind
{
    Throttle,
    ServerError,
    Hang,
    ExpiredToken,
    RevokedToken,
}

/// <summary>One fault for one action, applied to its next <see cref="Times"/> calls (-1: every call).</summary>
public sealed record Fault(FaultKind Kind, int Times = 1, int Status = 500)
{
    public static Fault Throttle(int times = 1) => new(FaultKind.Throttle, times, 400);

    public static Fault ServerError(int times = 1, int status = 500) => new(FaultKind.ServerError, times, status);

    public static Fault Hang(int times = -1) => new(FaultKind.Hang, times);

    public static Fault ExpiredToken(int times = 1) => new(FaultKind.ExpiredToken, times, 400);

    /// <summary>What AWS answers to a session that was revoked or whose key was deleted.</summary>
    public static Fault RevokedToken(int times = 1) => new(FaultKind.RevokedToken, times, 403);

    public const int Forever = -1;
}
