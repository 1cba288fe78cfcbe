namespace AwsSession.Domain;

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

    /// <summary>Set for an mfa_process, naming the device: an aws-session started inside it must not wait for itself.</summary>
    public const string InMfaProcess = "AWS_SESSION_IN_MFA_PROCESS";

    /// <summary>How `exec --server` points SDKs at its endpoint (the ECS container credentials provider).</summary>
    public const string ContainerFullUri = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public const string ContainerAuthorizationToken = "AWS_CONTAINER_AUTHORIZATION_TOKEN";

    /// <summary>`exec --server` hides the shared credentials file: SDKs consult it before the container endpoint.</summary>
    public const string SharedCredentialsFile = "AWS_SHARED_CREDENTIALS_FILE";

    /// <summary>`exec --server` points the child at a credential-free copy of the config file.</summary>
    public const string ConfigFile = "AWS_CONFIG_FILE";

    /// <summary>
    /// Container settings that would win over (RELATIVE_URI, TOKEN_FILE) or mix with the server's, e.g. when
    /// aws-session itself runs in ECS.
    /// </summary>
    public static readonly string[] ContainerRemoved =
    [
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", ContainerFullUri, ContainerAuthorizationToken, "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
    ];

    /// <summary>
    /// `exec --server` also removes every variable that makes an SDK find credentials before the container endpoint
    /// (web identity: AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN) or that belongs to the long-lived identity.
    /// </summary>
    public static readonly string[] ServerRemoved =
    [
        .. ContainerRemoved, "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_ACCOUNT_ID",
    ];

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
