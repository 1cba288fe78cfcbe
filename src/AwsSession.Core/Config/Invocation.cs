namespace AwsSession.Config;

/// <summary>Which credentials an invocation asks for. Parsed from argv, validated, immutable.</summary>
public abstract record Mode;

/// <summary>
/// An MFA session (GetSessionToken), or the profile's role when the profile has role_arn. With
/// KeepEnvironmentSession, a session already in the environment is the answer instead of an error (plain whoami).
/// </summary>
public sealed record MfaMode(string? DeviceArn = null, bool KeepEnvironmentSession = false) : Mode;

/// <summary>A role in an organization account: by id, name, prefix, or picked.</summary>
public sealed record PoseMode(string? Account = null, string? Role = null, string? SessionName = null, string? ExternalId = null) : Mode;

/// <summary>Options that every mode shares.</summary>
public sealed record SessionOptions
{
    public string? Profile { get; init; }
    public string? Region { get; init; }
    public string? MfaToken { get; init; }
    public string? MfaProcess { get; init; }

    /// <summary>--prompt: how to ask for an MFA code; null leaves it to AWS_SESSION_PROMPT, mfa_prompt, then the automatic choice.</summary>
    public MfaPrompt? Prompt { get; init; }

    public TimeSpan? Duration { get; init; }
    public bool NoCache { get; init; }
    public TimeSpan MinTtl { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan AccountsTtl { get; init; } = TimeSpan.FromHours(24);
    public bool Debug { get; init; }

    /// <summary>A sign-in this run needs (IAM Identity Center) uses the device code even when a browser could open.</summary>
    public bool UseDeviceCode { get; init; }

    /// <summary>Where prompts may go: the terminal on stderr (default), /dev/tty only, or nowhere (<see cref="PromptChannel.None"/>).</summary>
    public PromptChannel Prompts { get; init; } = PromptChannel.Stderr;

    /// <summary>This run answers an SDK's credential_process: it must not be nested in another such run.</summary>
    public bool ForCredentialProcess { get; init; }

    public override string ToString() =>
        $"SessionOptions {{ Profile = {Profile}, Region = {Region}, MfaToken = {(MfaToken is null ? "none" : "***")}, Duration = {Duration}, NoCache = {NoCache}, MinTtl = {MinTtl}, UseDeviceCode = {UseDeviceCode} }}";
}

public enum PromptChannel
{
    Stderr,
    DevTty,

    /// <summary>
    /// No prompt at all: `exec --server` renewing in the background while the command owns the terminal. A new MFA
    /// session then needs mfa_process; -t is not used either (its code was spent on the first session).
    /// </summary>
    None,
}

public sealed record Invocation(Mode Mode, SessionOptions Options);
