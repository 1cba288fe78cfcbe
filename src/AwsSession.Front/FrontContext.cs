using AwsSession.Application;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;
using AwsSession.Secrets;
using AwsSession.Sso;

namespace AwsSession.Front;

/// <summary>
/// The cache-only <see cref="ToolContext"/>: the same files, cache and status as the complete tool's, and a hand-off
/// (<see cref="HandOffException"/>) wherever a run would need more: a cache miss, AWS, a prompt, a secret store,
/// Identity Center. Clients a plan is given are stand-ins that hand off when called; none of the real ones is built
/// here, so none is in this executable.
/// </summary>
public static class FrontContext
{
    /// <param name="stdout">Where exports go (held until the run is served).</param>
    /// <param name="stderr">Where status lines go (held the same way).</param>
    public static ToolContext Create(TextWriter stdout, TextWriter stderr)
    {
        var env = EnvironmentVariables.FromProcess();
        var files = new SharedProfileStore(env);
        files.RequireRegularFiles();
        return new ToolContext
        {
            Env = env,
            Out = stdout,
            Status = new StderrStatus(stderr, debug: false),
            FlushOutput = () =>
            {
                stdout.Flush();
                stderr.Flush();
            },
            CacheOnly = true,
            Interaction = () => NoInteraction.Instance,
            TtyInteraction = () => NoInteraction.Instance,
            Gateways = (_, _) => NoGateways.Instance,
            Profiles = () => new StoredKeyProfiles(files, new Backends(env, () => throw new HandOffException("a secret prompt")),
                backend => throw new HandOffException($"the {backend} secret store")),
            IamKeys = (_, _) => throw new HandOffException("IAM"),
            Sso = _ => NoSso.Instance,
        };
    }

    /// <summary>Gateways are handed out when a plan is made, and called only on a miss: the call hands off.</summary>
    private sealed class NoGateways : IAwsGateways, IStsGateway, IIamGateway, IOrganizationsGateway
    {
        public static readonly NoGateways Instance = new();

        public IStsGateway Sts => this;

        public IIamGateway Iam => this;

        public IOrganizationsGateway Organizations => this;

        public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials baseCredentials, string serialNumber, string code, TimeSpan duration, CancellationToken ct) =>
            throw new HandOffException("STS GetSessionToken");

        public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct) =>
            throw new HandOffException("STS AssumeRole");

        public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct) =>
            throw new HandOffException("STS GetCallerIdentity");

        public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct) =>
            throw new HandOffException("IAM ListMFADevices");

        public Task<IReadOnlyList<Account>> ListAccountsAsync(AwsCredentials credentials, IProgress<int>? progress, CancellationToken ct) =>
            throw new HandOffException("Organizations ListAccounts");
    }

    /// <summary>Identity Center's clients are handed out when a plan is made, and called only on a miss: the call hands off.</summary>
    private sealed class NoSso : ISsoServices, IOidcClient, ISsoPortal
    {
        public static readonly NoSso Instance = new();

        public Uri Endpoint => throw new HandOffException("IAM Identity Center OIDC");

        public IOidcClient Oidc(string region) => this;

        public ISsoPortal Portal(string region) => this;

        public Task<SsoRegistration> RegisterAsync(string clientName, IReadOnlyList<string> scopes, IReadOnlyList<string> grantTypes,
            IReadOnlyList<string>? redirectUris, string? issuerUrl, CancellationToken ct) => throw new HandOffException("IAM Identity Center RegisterClient");

        public Task<DeviceAuthorization> StartDeviceAuthorizationAsync(SsoRegistration registration, string startUrl, CancellationToken ct) =>
            throw new HandOffException("IAM Identity Center StartDeviceAuthorization");

        public Task<OidcToken> CreateTokenAsync(SsoRegistration registration, TokenGrant grant, CancellationToken ct) =>
            throw new HandOffException("IAM Identity Center CreateToken");

        public Task<IReadOnlyList<Account>> ListAccountsAsync(string accessToken, IProgress<int>? progress, CancellationToken ct) =>
            throw new HandOffException("IAM Identity Center ListAccounts");

        public Task<IReadOnlyList<string>> ListAccountRolesAsync(string accessToken, string accountId, CancellationToken ct) =>
            throw new HandOffException("IAM Identity Center ListAccountRoles");

        public Task<AwsCredentials> GetRoleCredentialsAsync(string accessToken, string accountId, string roleName, CancellationToken ct) =>
            throw new HandOffException("IAM Identity Center GetRoleCredentials");

        public Task LogoutAsync(string accessToken, CancellationToken ct) => throw new HandOffException("IAM Identity Center Logout");
    }

    private sealed class NoInteraction : IInteraction
    {
        public static readonly NoInteraction Instance = new();

        public bool CanPrompt => true;

        public string AskMfaCode(string device, int attempt) => throw new HandOffException("an MFA prompt");

        public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull =>
            throw new HandOffException("a picker");

        public Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work) => throw new HandOffException("a listing");
    }
}
