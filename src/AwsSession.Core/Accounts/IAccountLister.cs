using AwsSession.Aws;
using AwsSession.Domain;

namespace AwsSession.Accounts;

/// <summary>
/// Where a directory's accounts come from: the organization (Organizations ListAccounts with a session), or the
/// IAM Identity Center portal (ListAccounts with the sign-in's token). The matcher and the picker do not care which.
/// </summary>
public interface IAccountLister
{
    /// <summary>How messages name the origin: "the organization", "IAM Identity Center".</summary>
    string Origin { get; }

    /// <summary>The progress line while listing.</summary>
    string Listing { get; }

    /// <summary>Whether listing uses the session (the organization's does; the portal uses the sign-in's token).</summary>
    bool ListsWithSession => true;

    Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, IProgress<int>? progress, CancellationToken ct);
}

/// <summary>The organization's accounts, listed with the session pose assumes from.</summary>
public sealed class OrganizationsLister(IOrganizationsGateway orgs) : IAccountLister
{
    public const string NoOrganizationHint = "a 12-digit account id works without the organization: aws-session pose 123456789012 ROLE";

    public string Origin => "the organization";

    public string Listing => "Listing the organization's accounts";

    public async Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, IProgress<int>? progress, CancellationToken ct)
    {
        var session = await source();
        try
        {
            return await orgs.ListAccountsAsync(session.Credentials, progress, ct);
        }
        catch (AwsSessionException e) when (e.InnerException is AwsApiException { Code: "AWSOrganizationsNotInUseException" or "AccessDeniedException" or "AccessDenied" } api)
        {
            throw new AwsSessionException($"cannot list the organization's accounts ({api.Code})", hint: NoOrganizationHint);
        }
    }
}
