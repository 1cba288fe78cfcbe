namespace AwsSession.Domain;

/// <summary>An account of the organization, as ListAccounts reports it.</summary>
public sealed record Account(string Id, string Name, string Email, string Status = "ACTIVE")
{
    public bool IsActive => string.Equals(Status, "ACTIVE", StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Name} ({Id})";
}
