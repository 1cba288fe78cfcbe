namespace AwsSession.Domain;

public enum SessionKind
{
    Mfa,
    Role,
    Environment,
}

/// <summary>
/// What a credential chain produced: the credentials plus what a person needs to know about them.
/// Identity names who it belongs to, in a form nested invocations can read back.
/// </summary>
public sealed record Session(AwsCredentials Credentials, SessionKind Kind, SessionIdentity Identity, string? UserName = null)
{
    /// <summary>Read from aws-session's cache rather than just made: such a session may have been revoked since, and the
    /// user is told it is a cached one (a hit is not a new AssumeRole).</summary>
    public bool FromCache { get; init; }

    public DateTimeOffset? Expiration => Credentials.Expiration;
}
