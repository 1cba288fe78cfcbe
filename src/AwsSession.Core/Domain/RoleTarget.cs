namespace AwsSession.Domain;

/// <summary>What to assume. SessionName null means: derive it from the caller.</summary>
public sealed record RoleTarget(string RoleArn, string? SessionName, string? ExternalId, TimeSpan Duration)
{
    /// <summary>A role profile's source_identity and session tags; none for pose's role.</summary>
    public SessionAttributes Attributes { get; init; } = SessionAttributes.None;
}
