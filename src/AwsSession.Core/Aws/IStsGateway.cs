using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>The three STS calls aws-session makes. Returns domain records, never SDK types.</summary>
public interface IStsGateway
{
    Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials baseCredentials, string serialNumber, string code, TimeSpan duration, CancellationToken ct);

    Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct);

    Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct);
}

public sealed record RoleRequest(string RoleArn, string SessionName, string? ExternalId, TimeSpan Duration)
{
    public SessionAttributes Attributes { get; init; } = SessionAttributes.None;
}

