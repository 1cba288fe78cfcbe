namespace AwsSession.Config;

/// <summary>Read access to the shared config and credentials files; faked in unit tests.</summary>
public interface IProfileStore
{
    ProfileSettings? Find(string name);

    /// <summary>The profile as the files alone have it: no secret store is opened for its keys.</summary>
    ProfileSettings? FindInFiles(string name) => Find(name);

    /// <summary>The keys of an [sso-session NAME] section, or null when there is none.</summary>
    IReadOnlyDictionary<string, string>? FindSsoSession(string name) => null;

    /// <summary>The endpoint_url of each service (its snake_case id: sts, sso_oidc) a [services NAME] section nests; null when there is no such section.</summary>
    IReadOnlyDictionary<string, string>? FindServices(string name) => null;

    /// <summary>The names of the [sso-session NAME] sections.</summary>
    IReadOnlyList<string> SsoSessionNames() => [];
}
