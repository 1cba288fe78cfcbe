namespace AwsSession.Domain;

/// <summary>What to assume. SessionName null means: derive it from the caller.</summary>
public sealed record RoleTarget(string RoleArn, string? SessionName, string? ExternalId, TimeSpan Duration);
