using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;
using AwsSession.Sso;

namespace AwsSession.Accounts;

/// <summary>The accounts IAM Identity Center assigns to the person (the portal's ListAccounts, every page).</summary>
public sealed class SsoPortalLister(SsoTokenProvider tokens, SsoSessionConfig session, ISsoPortal portal) : IAccountLister
{
    public string Origin => "IAM Identity Center";

    public string Listing => "Listing your IAM Identity Center accounts";

    public bool ListsWithSession => false;

    public Task<IReadOnlyList<Account>> ListAsync(Func<ValueTask<Session>> source, IProgress<int>? progress, CancellationToken ct) =>
        SsoCall.WithTokenAsync(tokens, session, token => portal.ListAccountsAsync(token, progress, ct), ct);
}

/// <summary>The role of an SSO account: the one named, the only one, or a pick among several.</summary>
public static class SsoRoleChoice
{
    public static async Task<string> ResolveAsync(SsoTokenProvider tokens, SsoSessionConfig session, ISsoPortal portal, Account account, string? role,
        IInteraction interaction, CancellationToken ct)
    {
        var roles = (await SsoCall.WithTokenAsync(tokens, session, token => portal.ListAccountRolesAsync(token, account.Id, ct), ct))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (roles.Count == 0)
            throw new AwsSessionException($"IAM Identity Center assigns you no role in {account}", hint: "ask your administrator for a permission set there");
        if (role is not null)
        {
            return roles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase))
                ?? throw new AwsSessionException($"no role '{ErrorText.Printable(role)}' for you in {account}; yours: {string.Join(", ", roles)}",
                    hint: "name one of those roles");
        }
        if (roles.Count == 1)
            return roles[0];
        if (!interaction.CanPrompt)
            throw new UsageException($"{account} has {roles.Count} roles for you ({string.Join(", ", roles)}), and there is no terminal to pick one",
                "name it: aws-session pose ACCOUNT ROLE");
        return interaction.Pick($"Which role in {account.Name}?", roles, r => [r]);
    }
}
