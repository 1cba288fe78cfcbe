namespace AwsSession.Config;

/// <summary>The keys of one ~/.aws/config (+ credentials) profile that aws-session reads. Pure data.</summary>
public sealed record ProfileSettings(string Name)
{
    public string? AccessKeyId { get; init; }
    public string? SecretAccessKey { get; init; }
    public string? SessionToken { get; init; }
    public string? Region { get; init; }
    public string? MfaSerial { get; init; }
    public string? MfaProcess { get; init; }
    public string? MfaPrompt { get; init; }
    public string? MfaYkmanAccount { get; init; }
    public string? RoleArn { get; init; }
    public string? SourceProfile { get; init; }
    public string? ExternalId { get; init; }
    public string? RoleSessionName { get; init; }

    /// <summary>credential_source: where a role profile's source credentials come from instead of a source_profile.</summary>
    public string? CredentialSource { get; init; }

    /// <summary>source_identity, session_tags, transitive_session_tags: what the profile's role session carries (<see cref="SessionAttributeKeys"/>).</summary>
    public string? SourceIdentity { get; init; }
    public string? SessionTags { get; init; }
    public string? TransitiveSessionTags { get; init; }

    public string? CredentialProcess { get; init; }
    public int? DurationSeconds { get; init; }
    public string? SsoSession { get; init; }
    public string? SsoStartUrl { get; init; }
    public string? SsoRegion { get; init; }
    public string? SsoAccountId { get; init; }
    public string? SsoRoleName { get; init; }

    /// <summary>ca_bundle: a PEM file of the authorities to trust for AWS (<see cref="CaBundle"/>).</summary>
    public string? CaBundle { get; init; }

    /// <summary>endpoint_url, services (a [services NAME] section's name) and ignore_configured_endpoint_urls (<see cref="AwsReach"/>).</summary>
    public string? EndpointUrl { get; init; }
    public string? Services { get; init; }
    public string? IgnoreConfiguredEndpointUrls { get; init; }

    /// <summary>use_fips_endpoint and use_dualstack_endpoint: which standard endpoints (<see cref="AwsReach"/>).</summary>
    public string? UseFipsEndpoint { get; init; }
    public string? UseDualstackEndpoint { get; init; }

    /// <summary>aws_session_backend, from the config file only: which secret store holds the keys (Secrets/Backends).</summary>
    public string? SessionBackend { get; init; }

    public const string SessionBackendKey = "aws_session_backend";

    /// <summary>True when the profile signs in with IAM Identity Center (sso_session, or the legacy sso_start_url).</summary>
    public bool IsSso => SsoSession is not null || SsoStartUrl is not null;

    public bool HasKeys => !string.IsNullOrEmpty(AccessKeyId) && !string.IsNullOrEmpty(SecretAccessKey);

    public override string ToString() => $"ProfileSettings {{ Name = {Name}, Role = {RoleArn}, Source = {SourceProfile}, Mfa = {MfaSerial}, Sso = {SsoSession ?? SsoStartUrl} }}";
}
