namespace AwsSession.Config;

/// <summary>
/// An IAM Identity Center sign-in as the AWS CLI defines it: an [sso-session NAME] section, or (legacy, Name null)
/// sso_start_url and sso_region in the profile itself, which has no registration scopes and so no refresh token.
/// </summary>
public sealed record SsoSessionConfig(string? Name, string StartUrl, string Region, IReadOnlyList<string> Scopes)
{
    public const string DefaultScope = "sso:account:access";

    public bool IsLegacy => Name is null;

    /// <summary>How people and the token cache name it: the session name, else the start URL.</summary>
    public string Label => Name ?? StartUrl;

    public override string ToString() => $"SsoSessionConfig {{ {Label}, {Region} }}";
}

/// <summary>An SSO base: the sign-in, and the account and role of the profile (either may be absent: pose names them).</summary>
public sealed record SsoProfile(SsoSessionConfig Session, string? AccountId, string? RoleName);
