using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>
/// A composed chain, ready to run: its cache key, the name the account list of its session is filed under (stable
/// across new MFA sessions), the region to export, how calls made with its session reach AWS (who, console sign-in), and the role and account to tell the person about.
/// </summary>
public sealed record Plan(ICredentialSource Source, string Key, string AccountsOwner, string? Region, Config.AwsReach Reach, RoleTarget? Role = null, Account? Account = null);
