namespace AwsSession.Domain;

public enum IdentityKind
{
    /// <summary>An MFA session of the user whose device this is.</summary>
    Mfa,

    /// <summary>A session of a role, by the role's ARN (or the assumed-role ARN STS reported).</summary>
    Role,

    /// <summary>An IAM user's session that aws-session did not make, as STS reported it.</summary>
    User,

    /// <summary>Long-lived keys, by the profile (or "default") they came from.</summary>
    Keys,

    /// <summary>A session found in the environment without aws-session's marker: STS is asked before it matters.</summary>
    Unverified,

    /// <summary>A marker that is none of the above (hand-set): carried through as it is.</summary>
    Other,
}

/// <summary>
/// Who a session belongs to. Written as "mfa:SERIAL", "role:ARN", "user:ARN", "keys:PROFILE" or "env-session" in
/// AWS_SESSION_IDENTITY and the cache, so a nested invocation can read it back; only this type writes or reads that form.
/// </summary>
public sealed record SessionIdentity(IdentityKind Kind, string Name)
{
    private const string UnverifiedText = "env-session";

    public static readonly SessionIdentity Unverified = new(IdentityKind.Unverified, UnverifiedText);

    public static SessionIdentity Mfa(string serial) => new(IdentityKind.Mfa, serial);

    public static SessionIdentity Role(string arn) => new(IdentityKind.Role, arn);

    public static SessionIdentity User(string arn) => new(IdentityKind.User, arn);

    public static SessionIdentity Keys(string profile) => new(IdentityKind.Keys, profile);

    public static SessionIdentity Parse(string text) =>
        text == UnverifiedText ? Unverified
        : Prefixes.FirstOrDefault(p => text.StartsWith(p.Prefix, StringComparison.Ordinal)) is { Prefix: { } prefix } match
            ? new SessionIdentity(match.Kind, text[prefix.Length..])
            : new SessionIdentity(IdentityKind.Other, text);

    public override string ToString() =>
        Prefixes.FirstOrDefault(p => p.Kind == Kind) is { Prefix: { } prefix } ? prefix + Name : Name;

    private static readonly (IdentityKind Kind, string Prefix)[] Prefixes =
        [(IdentityKind.Mfa, "mfa:"), (IdentityKind.Role, "role:"), (IdentityKind.User, "user:"), (IdentityKind.Keys, "keys:")];
}
