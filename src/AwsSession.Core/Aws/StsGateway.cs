using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// STS through AWSSDK.SecurityToken. A client is made per call, on the cold path only, with the SDK's retries off
/// because the shared pipeline owns retrying. Expirations come back on this machine's clock (<see cref="AwsClock"/>).
/// </summary>
public sealed class StsGateway(AwsCall call, AwsReach reach, string region, RetrySettings retry, AwsClock? clock = null) : IStsGateway
{
    private const string Service = "STS";

    private Uri Endpoint => reach.Endpoint(Endpoints.Sts, region).Url;

    public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials baseCredentials, string serialNumber, string code, TimeSpan duration, CancellationToken ct) =>
        call.RunAsync(Service, "GetSessionToken", Endpoint, async token =>
        {
            using var client = Client(baseCredentials);
            try
            {
                var response = await client.GetSessionTokenAsync(new GetSessionTokenRequest
                {
                    SerialNumber = serialNumber,
                    TokenCode = code,
                    DurationSeconds = (int)duration.TotalSeconds,
                }, token);
                return ToDomain(AwsAnswer.Required(response?.Credentials, Service, "GetSessionToken", "Credentials"), "GetSessionToken", clock);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "AccessDenied" && e.Message.Contains("MultiFactorAuthentication", StringComparison.OrdinalIgnoreCase))
            {
                throw new MfaCodeRejectedException($"the MFA code was rejected for {serialNumber}");
            }
        }, ct);

    public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct) =>
        call.RunAsync(Service, "AssumeRole", Endpoint, async token =>
        {
            using var client = Client(source);
            try
            {
                var response = await client.AssumeRoleAsync(new AssumeRoleRequest
                {
                    RoleArn = request.RoleArn,
                    RoleSessionName = request.SessionName,
                    ExternalId = request.ExternalId,
                    DurationSeconds = (int)request.Duration.TotalSeconds,
                    SourceIdentity = request.Attributes.SourceIdentity,
                    Tags = request.Attributes.Tags.Count == 0 ? null : [.. request.Attributes.Tags.Select(t => new Tag { Key = t.Key, Value = t.Value })],
                    TransitiveTagKeys = request.Attributes.TransitiveTagKeys.Count == 0 ? null : [.. request.Attributes.TransitiveTagKeys],
                }, token);
                return ToDomain(AwsAnswer.Required(response?.Credentials, Service, "AssumeRole", "Credentials"), "AssumeRole", clock);
            }
            catch (AmazonServiceException e) when (e.ErrorCode == "AccessDenied")
            {
                throw new AwsSessionException($"not allowed to assume {request.RoleArn}: the role's trust policy or its MFA condition refused it",
                    hint: request.Attributes.IsEmpty ? "check the trust policy of the role, and that you came through an MFA session"
                        : "check the trust policy of the role (with source_identity or session_tags it must also allow sts:SetSourceIdentity or sts:TagSession), and that you came through an MFA session");
            }
        }, ct);

    public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct) =>
        call.RunAsync(Service, "GetCallerIdentity", Endpoint, async token =>
        {
            using var client = Client(credentials);
            var r = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), token);
            const string Op = "GetCallerIdentity";
            return new CallerIdentity(AwsAnswer.Required(r?.Account, Service, Op, "Account"), AwsAnswer.Required(r!.Arn, Service, Op, "Arn"),
                AwsAnswer.Required(r.UserId, Service, Op, "UserId"));
        }, ct);

    // Read once per gateway, not once per call's client.
    private readonly Lazy<TrustedRoots?> _roots = new(() => TrustedRoots.From(reach.CaBundle));

    private AmazonSecurityTokenServiceClient Client(AwsCredentials c)
    {
        SdkIsolation.Ensure();
        var config = new AmazonSecurityTokenServiceConfig
        {
            MaxErrorRetry = 0,
            Timeout = retry.AttemptTimeout,
        };
        config.HttpClientFactory = new HttpClients(_roots.Value, clock);
        // Where STS is, the run's reach decides (configured, FIPS, dual-stack), not the SDK's own reading of the
        // variables: the SDK never sees the config file's keys, and errors and the wire would then disagree.
        var (url, signingRegion) = reach.Endpoint(Endpoints.Sts, region);
        config.ServiceURL = url.ToString();
        config.AuthenticationRegion = signingRegion;
        config.UseFIPSEndpoint = false;
        config.UseDualstackEndpoint = false;
        return new AmazonSecurityTokenServiceClient(SdkCredentials.From(c), config);
    }

    private static AwsCredentials ToDomain(Amazon.SecurityToken.Model.Credentials c, string operation, AwsClock? clock) =>
        new(AwsAnswer.Required(c.AccessKeyId, Service, operation, "AccessKeyId"),
            AwsAnswer.Required(c.SecretAccessKey, Service, operation, "SecretAccessKey"),
            AwsAnswer.Required(c.SessionToken, Service, operation, "SessionToken"),
            c.Expiration is { } e ? OnLocalClock(new DateTimeOffset(DateTime.SpecifyKind(e, e.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : e.Kind)).ToUniversalTime(), clock)
                : throw AwsAnswer.Incomplete(Service, operation, "no Expiration"));

    private static DateTimeOffset OnLocalClock(DateTimeOffset awsTime, AwsClock? clock) => clock?.ToLocal(awsTime) ?? awsTime;

    /// <summary>The SDK's HTTP clients over <see cref="AwsHttp"/>, with the clock watching their answers; one per call, like the clients.</summary>
    private sealed class HttpClients(TrustedRoots? roots, AwsClock? clock) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => AwsHttp.Client(roots, clock);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
