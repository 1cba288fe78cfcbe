using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// A profile's long-lived key as a store holds it. Created is when the key was stored (its age in listings).
/// ToString masks the key id and never shows the secret.
/// </summary>
public sealed record StoredKey(string Profile, string AccessKeyId, string SecretAccessKey, DateTimeOffset Created)
{
    public AwsCredentials Credentials => new(AccessKeyId, SecretAccessKey);

    public StoredKeyInfo Info(string backend) => new(Profile, AccessKeyId, Created, backend);

    public override string ToString() => $"StoredKey {{ Profile = {Profile}, AccessKeyId = {Masking.AccessKeyId(AccessKeyId)}, Created = {Created:O} }}";
}

/// <summary>What a listing shows of a stored key: never the secret; the key id is masked on display.</summary>
public sealed record StoredKeyInfo(string Profile, string AccessKeyId, DateTimeOffset? Created, string Backend);
