namespace AwsSession.Aws;

/// <summary>Defers building the gateways (and so the SDK and HttpClient) until a cold path first calls one.</summary>
public sealed class LazyGateways(Func<IAwsGateways> factory) : IAwsGateways
{
    private readonly Lazy<IAwsGateways> _inner = new(factory);

    public IStsGateway Sts => new LazySts(() => _inner.Value.Sts);

    public IIamGateway Iam => new LazyIam(() => _inner.Value.Iam);

    public IOrganizationsGateway Organizations => new LazyOrgs(() => _inner.Value.Organizations);

    private sealed class LazySts(Func<IStsGateway> get) : IStsGateway
    {
        public Task<Domain.AwsCredentials> GetSessionTokenAsync(Domain.AwsCredentials b, string s, string c, TimeSpan d, CancellationToken ct) => get().GetSessionTokenAsync(b, s, c, d, ct);

        public Task<AssumedRole> AssumeRoleAsync(Domain.AwsCredentials s, RoleRequest r, CancellationToken ct) => get().AssumeRoleAsync(s, r, ct);

        public Task<Domain.CallerIdentity> GetCallerIdentityAsync(Domain.AwsCredentials c, CancellationToken ct) => get().GetCallerIdentityAsync(c, ct);
    }

    private sealed class LazyIam(Func<IIamGateway> get) : IIamGateway
    {
        public Task<IReadOnlyList<Domain.MfaDevice>> ListMfaDevicesAsync(Domain.AwsCredentials c, string? u, CancellationToken ct) => get().ListMfaDevicesAsync(c, u, ct);
    }

    private sealed class LazyOrgs(Func<IOrganizationsGateway> get) : IOrganizationsGateway
    {
        public Task<IReadOnlyList<Domain.Account>> ListAccountsAsync(Domain.AwsCredentials c, IProgress<int>? p, CancellationToken ct) => get().ListAccountsAsync(c, p, ct);
    }
}
