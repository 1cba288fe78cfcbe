namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// How the session line tells its end. The date appears only when the session ends on another UTC day
/// than today, so a pattern without it fails whenever a test runs in the hour before midnight UTC.
/// </summary>
public static class SessionLine
{
    public const string Until = @" until (\d{4}-\d\d-\d\d )?\d\d:\d\d UTC, (\d+h)?\d+m left";
}
