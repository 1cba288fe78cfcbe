using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>Base credentials as resolved from the environment or a profile; a session already in the environment passes through.</summary>
public sealed class StaticSource(BaseCredentials baseCredentials, SessionIdentity? environmentIdentity = null) : ICredentialSource
{
    public ValueTask<Session> GetAsync(CancellationToken ct)
    {
        var c = baseCredentials.Credentials;
        var identity = environmentIdentity ?? (c.IsSession ? SessionIdentity.Unverified : SessionIdentity.Keys(baseCredentials.ProfileName));
        // No user name: the marker names a device or a role, not who uses it; AssumedRoleSource asks STS when it needs one.
        return ValueTask.FromResult(new Session(c, SessionKind.Environment, identity));
    }

    public override string ToString() => "Static";
}
