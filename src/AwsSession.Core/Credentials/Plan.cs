using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>A composed chain, ready to run, and what the command needs to tell the person afterwards.</summary>
public sealed record Plan(ICredentialSource Source, string? Region, string ProfileName, RoleTarget? Role = null, Account? Account = null);
