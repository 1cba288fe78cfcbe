namespace AwsSession.Config;

/// <summary>The environment variables aws-session writes and removes, in one place.</summary>
public static class ChildEnvironmentNames
{
    public const string AccessKeyId = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKey = "AWS_SECRET_ACCESS_KEY";
    public const string SessionToken = "AWS_SESSION_TOKEN";
    public const string Expiration = "AWS_CREDENTIAL_EXPIRATION";
    public const string Region = "AWS_REGION";
    public const string DefaultRegion = "AWS_DEFAULT_REGION";

    /// <summary>Marks a shell or child that aws-session set up, naming the session's identity, so nested use can tell.</summary>
    public const string Identity = "AWS_SESSION_IDENTITY";

    /// <summary>
    /// Set by credential-process for its children (mfa_process): a nested credential-process means the credential
    /// source leads back to aws-session, which would wait on its own cache lock.
    /// </summary>
    public const string CredentialProcess = "AWS_SESSION_CREDENTIAL_PROCESS";

    /// <summary>Stale settings that would otherwise win over (or mix with) the new session.</summary>
    public static readonly string[] Removed =
    [
        AccessKeyId, SecretAccessKey, SessionToken, "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_CREDENTIAL_FILE", "AWS_SDK_LOAD_CONFIG", Expiration,
    ];
}
