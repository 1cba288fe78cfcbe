namespace AwsSession.Domain;

public enum SessionKind
{
    Mfa,
    Role,
    Environment,
}

/// <summary>
/// What a credential chain produced: the credentials plus what a person needs to know about them.
/// Identity is a short label ("mfa:default", "role:arn:aws:iam::1:role/Admin") that nested invocations can read back.
/// </summary>
public sealed record Session(AwsCredentials Credentials, SessionKind Kind, string Identity, string? UserName = null)
{
    public DateTimeOffset? Expiration => Credentials.Expiration;
}
