using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>Base credentials as resolved from the environment or a profile; a session already in the environment passes through.</summary>
public sealed class StaticSource(BaseCredentials baseCredentials, string? environmentIdentity = null) : ICredentialSource
{
    /// <summary>The identity of a session found in the environment without aws-session's marker.</summary>
    public const string UnknownSession = "env-session";

    public ValueTask<Session> GetAsync(CancellationToken ct)
    {
        var c = baseCredentials.Credentials;
        var identity = environmentIdentity ?? (c.IsSession ? UnknownSession : $"keys:{baseCredentials.ProfileName}");
        // No user name: the marker names a device or a role, not who uses it; AssumedRoleSource asks STS when it needs one.
        return ValueTask.FromResult(new Session(c, SessionKind.Environment, identity));
    }
}
