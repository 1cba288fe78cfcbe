using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>
/// The one abstraction of the credential chain (as in aws-vault's vault package): each source knows only its
/// inner source; only <see cref="SessionPlanner"/> knows how they compose.
/// </summary>
public interface ICredentialSource
{
    ValueTask<Session> GetAsync(CancellationToken ct);
}
