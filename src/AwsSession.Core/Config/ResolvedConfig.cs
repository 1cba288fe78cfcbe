using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>Where the base credentials come from. Origin is for people ("environment", "profile 'work'").</summary>
public sealed record BaseCredentials(AwsCredentials Credentials, string Origin, string ProfileName);

/// <summary>A role_arn hop from a profile, as the AWS CLI defines them, with its length resolved.</summary>
public sealed record ProfileRole(string Profile, string RoleArn, string? ExternalId, string? SessionName, TimeSpan Duration)
{
    public SessionAttributes Attributes { get; init; } = SessionAttributes.None;
}

/// <summary>
/// Everything the planner needs, resolved once from the invocation, environment and config files: every default
/// and range check is applied here. Pure data.
/// </summary>
public sealed record ResolvedConfig
{
    public required string ProfileName { get; init; }

    /// <summary>The base keys; for an environment session these are the session itself. Null for an SSO base.</summary>
    public BaseCredentials? Base { get; init; }

    /// <summary>The IAM Identity Center sign-in (and account and role) the chain starts from, instead of keys.</summary>
    public SsoProfile? Sso { get; init; }

    /// <summary>The base keys, for the paths that need keys (an MFA session, an environment session).</summary>
    public BaseCredentials Keys => Base ?? throw new AwsSessionException($"profile '{ProfileName}' signs in with IAM Identity Center; it has no keys",
        hint: "this command needs an IAM user's keys");

    /// <summary>True when the environment already holds a session (AWS_SESSION_TOKEN): no GetSessionToken possible.</summary>
    public bool BaseIsSession => Base?.Credentials.IsSession == true;

    /// <summary>The identity marker of an environment session made by aws-session, if any.</summary>
    public SessionIdentity? EnvironmentIdentity { get; init; }

    /// <summary>The configured region, exported to the shell; null when none is configured.</summary>
    public string? Region { get; init; }

    /// <summary>Where each service is and which authorities AWS's certificates must chain to.</summary>
    public required AwsReach Reach { get; init; }

    /// <summary>The region STS is called in: the configured one, else us-east-1.</summary>
    public string StsRegion => Region ?? Endpoints.GlobalRegion;

    /// <summary>The MFA device: the DEVICE-ARN argument, else mfa_serial; null means ask IAM.</summary>
    public string? MfaSerial { get; init; }

    public string? MfaProcess { get; init; }

    /// <summary>How to ask for an MFA code: --prompt, else AWS_SESSION_PROMPT, else mfa_prompt; null chooses by itself.</summary>
    public MfaPrompt? MfaPrompt { get; init; }

    /// <summary>The YubiKey OATH account for --prompt ykman (mfa_ykman_account); null means the device's name.</summary>
    public string? YkmanAccount { get; init; }

    /// <summary>For credential-process: the profile it serves, handed to mfa_process so a loop back to us fails fast.</summary>
    public string? CredentialProcessProfile { get; init; }

    /// <summary>Role hops from the profile chain, innermost first (applied in order after the MFA session).</summary>
    public IReadOnlyList<ProfileRole> ProfileRoles { get; init; } = [];

    public TimeSpan MfaDuration { get; init; } = Durations.MfaDefault;

    /// <summary>The length of the role pose assumes.</summary>
    public TimeSpan RoleDuration { get; init; } = Durations.RoleDefault;
}
