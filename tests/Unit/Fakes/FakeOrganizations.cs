using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>An organization whose account list the test can change between calls.</summary>
public sealed class FakeOrganizations(params Account[] accounts) : IOrganizationsGateway
{
    public List<Account> Accounts { get; } = [.. accounts];

    public int Calls { get; private set; }

    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<Account>> ListAccountsAsync(AwsCredentials credentials, IProgress<int>? progress, CancellationToken ct)
    {
        Calls++;
        if (Failure is not null)
            throw Failure;
        progress?.Report(Accounts.Count);
        return Task.FromResult<IReadOnlyList<Account>>(Accounts.ToList());
    }
}
