using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>Reads IAM Identity Center settings the way the AWS CLI does: sso_session and its section, or legacy keys.</summary>
public static class SsoResolution
{
    /// <summary>The profile's SSO base, or null when the profile does not sign in with Identity Center.</summary>
    public static SsoProfile? For(ProfileSettings p, IProfileStore store)
    {
        if (!p.IsSso)
            return null;
        var session = p.SsoSession is { } name
            ? Session(name, store, $"profile '{p.Name}': ")
            : new SsoSessionConfig(null, p.SsoStartUrl!,
                p.SsoRegion ?? throw new AwsSessionException($"profile '{p.Name}' has sso_start_url but no sso_region", hint: "add sso_region, or move both into an [sso-session NAME] section"), []);
        if (p.SsoSession is not null && p.SsoStartUrl is { } url && url != session.StartUrl)
            throw new AwsSessionException($"profile '{p.Name}': sso_start_url differs from the one of [sso-session {session.Name}]",
                hint: "remove sso_start_url from the profile; the sso-session section holds it");
        return new SsoProfile(session, p.SsoAccountId, p.SsoRoleName);
    }

    /// <summary>
    /// The sign-in `login` and `logout` mean: --sso-session, else the profile's (--profile, AWS_PROFILE, default),
    /// following source_profile from a role profile; else the only [sso-session] of the config file.
    /// </summary>
    public static SsoSessionConfig ForLogin(string? profile, string? ssoSession, EnvironmentVariables env, IProfileStore store)
    {
        if (ssoSession is not null)
            return Session(ssoSession, store);
        var name = LoginProfile(profile, env);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var p = store.Find(name); p is not null && seen.Add(p.Name); p = p.SourceProfile is { } source ? store.Find(source) : null)
        {
            if (For(p, store) is { } sso)
                return sso.Session;
        }
        if (profile is null && store.SsoSessionNames() is [var only])
            return Session(only, store);
        throw new UsageException(profile is null && store.Find(name) is null
                ? "no profile or [sso-session] names an IAM Identity Center sign-in"
                : $"profile '{ErrorText.Printable(name)}' does not sign in with IAM Identity Center",
            "pass --sso-session NAME, or --profile with a profile that has sso_session (or sso_start_url)");
    }

    /// <summary>The profile a sign-in or sign-out without --sso-session is for, as the AWS CLI picks it.</summary>
    public static string LoginProfile(string? profile, EnvironmentVariables env) =>
        profile ?? env.Get("AWS_PROFILE") ?? env.Get("AWS_DEFAULT_PROFILE") ?? "default";

    /// <summary>An [sso-session NAME] section, checked: a start URL and a region are required.</summary>
    public static SsoSessionConfig Session(string name, IProfileStore store, string context = "")
    {
        var section = store.FindSsoSession(name)
            ?? throw new AwsSessionException($"{context}no [sso-session {ErrorText.Printable(name)}] section in the AWS config file",
                hint: "add it with sso_start_url and sso_region, or run: aws configure sso-session");
        var url = Get(section, "sso_start_url") ?? throw Missing(name, "sso_start_url");
        var region = Get(section, "sso_region") ?? throw Missing(name, "sso_region");
        var scopes = Get(section, "sso_registration_scopes") is { } s
            ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [SsoSessionConfig.DefaultScope];
        return new SsoSessionConfig(name, url, region, scopes);
    }

    private static string? Get(IReadOnlyDictionary<string, string> section, string key) =>
        section.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static AwsSessionException Missing(string session, string key) =>
        new($"[sso-session {ErrorText.Printable(session)}] has no {key}", hint: $"add {key} to that section of the AWS config file");
}
