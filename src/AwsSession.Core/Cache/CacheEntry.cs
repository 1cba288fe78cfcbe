using System.Text.Json.Serialization;
using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>One cached session on disk. ToString never shows the secret parts.</summary>
public sealed record CacheEntry
{
    public int Version { get; init; } = 1;
    public required string Key { get; init; }
    public required SessionKind Kind { get; init; }
    public required string Profile { get; init; }
    public required string Identity { get; init; }
    public string? UserName { get; init; }
    public required string AccessKeyId { get; init; }
    public required string SecretAccessKey { get; init; }
    public required string SessionToken { get; init; }
    public required DateTimeOffset Expiration { get; init; }

    public Session ToSession() =>
        new(new AwsCredentials(AccessKeyId, SecretAccessKey, SessionToken, Expiration), Kind, SessionIdentity.Parse(Identity), UserName) { FromCache = true };

    public override string ToString() => $"CacheEntry {{ Key = {Key}, Kind = {Kind}, Identity = {Identity}, Expiration = {Expiration:O} }}";
}
