namespace AwsSession.Credentials;

/// <summary>
/// The session a mode starts from (after the profile's role hops), with its cache key, the key of the identity
/// behind it for the accounts cache (stable across new MFA sessions), and the last profile role, if any.
/// </summary>
public sealed record SourceChain(ICredentialSource Source, string Key, string AccountsOwner, RoleTarget? LastRole);
