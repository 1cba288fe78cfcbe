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
        return ValueTask.FromResult(new Session(c, SessionKind.Environment, identity, UserFromIdentity(identity)));
    }

    /// <summary>"mfa:arn:aws:iam::1:mfa/alice" names alice; a role marker names no user.</summary>
    private static string? UserFromIdentity(string identity) =>
        identity.StartsWith("mfa:", StringComparison.Ordinal) ? new MfaDevice(identity[4..]).UserName : null;
}
