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
        return ValueTask.FromResult(new Session(c, SessionKind.Environment, identity, identity.UserName));
    }

    public override string ToString() => "Static";
}
