using AwsSession.Accounts;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Entry;

/// <summary>
/// The mode words and options made into an <see cref="Invocation"/>, with every check that can fail, so bad input
/// exits 2 before any call. Shared by the parser's commands (<see cref="ModeCommands"/>) and <see cref="HotPath"/>.
/// No parser symbols here: the hot path must not build them.
/// </summary>
public static class ModeInput
{
    public static MfaMode Mfa(string? device) => new(device is null ? null : Validation.DeviceArn(device));

    public static PoseMode Pose(string? account, string? role, string? sessionName = null, string? externalId = null)
    {
        if (account is { Length: 0 })
            throw new UsageException("ACCOUNT is empty", "give an account id, name or prefix, or omit it for the picker");
        if (account is not null && RoleArns.IsArn(account))
            RoleArns.Parse(account);
        return new PoseMode(
            account,
            role is null ? null : RoleArns.Check(role),
            sessionName is null ? null : Validation.SessionName(sessionName),
            externalId is null ? null : Validation.ExternalId(externalId));
    }

    /// <summary>The options for a mode, with -d checked against the mode's range before any config is read.</summary>
    public static Invocation Read(Mode mode, SessionOptions options)
    {
        options = options with { Duration = SessionLengths.Requested(mode, options.Duration) };
        CheckMinTtl(options, options.Duration ?? (mode is PoseMode ? Durations.RoleDefault : Durations.MfaDefault));
        return new(mode, options);
    }

    /// <summary>A session never has more left than its duration: a margin that large would make a new one on every run.</summary>
    private static void CheckMinTtl(SessionOptions options, TimeSpan duration)
    {
        if (options.MinTtl >= duration)
            throw new UsageException($"--min-ttl {Durations.Format(options.MinTtl)} is not shorter than the session ({Durations.Format(duration)}): no session could ever be reused",
                "give a smaller --min-ttl (default 5m) or a longer -d");
    }
}
