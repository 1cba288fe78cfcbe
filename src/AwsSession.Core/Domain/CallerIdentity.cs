namespace AwsSession.Domain;

/// <summary>The answer of sts:GetCallerIdentity.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId)
{
    /// <summary>The last path element of the ARN: a user name, or ROLE/SESSION for an assumed role.</summary>
    public string Name => Arn[(Arn.IndexOf('/', StringComparison.Ordinal) + 1)..];

    public bool IsAssumedRole => Arn.Contains(":assumed-role/", StringComparison.Ordinal);

    public string? UserName => Arn.Contains(":user/", StringComparison.Ordinal) ? Arn[(Arn.LastIndexOf('/') + 1)..] : null;
}
