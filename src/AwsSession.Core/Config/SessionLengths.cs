namespace AwsSession.Config;

/// <summary>
/// How long each session of an invocation lasts: every default and range, decided once while config is resolved.
/// Only role chaining's one-hour cap waits for run time (it depends on what the source session turns out to be).
/// </summary>
public static class SessionLengths
{
    /// <summary>-d as the mode allows it (a role's range for pose, an MFA session's otherwise), before any config is read.</summary>
    public static TimeSpan? Requested(Mode mode, TimeSpan? requested) =>
        requested is not { } d ? null
        : mode is PoseMode ? Durations.InRange(d, Durations.RoleMin, Durations.RoleMax)
        : Durations.InRange(d, Durations.MfaMin, Durations.MfaMax);

    /// <summary>The MFA session: -d when it is what mfa mode hands out (no profile role on top of it), else 12h.</summary>
    public static TimeSpan Mfa(Invocation invocation, bool hasProfileRoles) =>
        invocation.Mode is MfaMode && !hasProfileRoles && invocation.Options.Duration is { } d ? d : Durations.MfaDefault;

    /// <summary>
    /// A profile's role_arn hop: -d in mfa mode (the hops are what it hands out), else the profile's duration_seconds,
    /// else 1h; either must fit a role's range, so a typo in the profile fails before any call, not at STS.
    /// </summary>
    public static TimeSpan ProfileRole(Invocation invocation, string profile, int? durationSeconds) =>
        invocation.Mode is MfaMode && invocation.Options.Duration is { } d ? Durations.InRange(d, Durations.RoleMin, Durations.RoleMax)
        : durationSeconds is { } s ? Durations.InRange(TimeSpan.FromSeconds(s), Durations.RoleMin, Durations.RoleMax, $"profile '{profile}': duration_seconds")
        : Durations.RoleDefault;

    /// <summary>The role pose assumes: -d (already in a role's range), else 1h.</summary>
    public static TimeSpan Pose(Invocation invocation) => invocation.Options.Duration ?? Durations.RoleDefault;

    /// <summary>Console sessions last 15 minutes to 12 hours; null leaves it to AWS (the credentials' own lifetime).</summary>
    public static TimeSpan? SignIn(TimeSpan? requested) =>
        requested is { } d ? TimeSpan.FromSeconds(Math.Clamp(d.TotalSeconds, 900, 43200)) : null;
}
