using AwsSession.Domain;

namespace AwsSession.Aws;

public interface IOrganizationsGateway
{
    /// <summary>organizations:ListAccounts, every page; reports the running count after each page.</summary>
    Task<IReadOnlyList<Account>> ListAccountsAsync(AwsCredentials credentials, IProgress<int>? progress, CancellationToken ct);
}
