using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>
/// STS that accepts one MFA code (as real STS does), assumes any role (keeping each request), and answers
/// GetCallerIdentity for alice; each call can be made to fail.
/// </summary>
public sealed class FakeSts(string acceptedCode = "123456") : IStsGateway
{
    public static readonly AwsCredentials Session = new("ASIASESSION00000000", "session-secret", "session-token", DateTimeOffset.UtcNow.AddHours(12));

    public List<string> Codes { get; } = [];

    public List<RoleRequest> Assumed { get; } = [];

    public Exception? AssumeFailure { get; set; }

    public Exception? CallerIdentityFailure { get; init; }

    public int CallerIdentityCalls { get; private set; }

    public string CallerArn { get; init; } = "arn:aws:iam::123456789012:user/alice";

    public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials baseCredentials, string serialNumber, string code, TimeSpan duration, CancellationToken ct)
    {
        Codes.Add(code);
        return code == acceptedCode ? Task.FromResult(Session) : throw new MfaCodeRejectedException($"the MFA code was rejected for {serialNumber}");
    }

    public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct)
    {
        Assumed.Add(request);
        if (AssumeFailure is not null)
            throw AssumeFailure;
        return Task.FromResult(new AwsCredentials("ASIAROLE", "secret", "token", DateTimeOffset.UtcNow.Add(request.Duration)));
    }

    public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct)
    {
        CallerIdentityCalls++;
        if (CallerIdentityFailure is not null)
            throw CallerIdentityFailure;
        return Task.FromResult(new CallerIdentity("123456789012", CallerArn, "AIDAALICE"));
    }
}
