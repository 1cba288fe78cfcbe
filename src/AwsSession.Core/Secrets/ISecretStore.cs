namespace AwsSession.Secrets;

/// <summary>
/// Where a profile's long-lived IAM keys live. One class per backend; nothing else knows which one is in use.
/// Implementations throw <see cref="Domain.AwsSessionException"/> for an unusable store and for an entry that is
/// corrupt or not aws-session's, and never put a secret in a message.
/// </summary>
public interface ISecretStore
{
    /// <summary>The backend's name as typed after --backend (e.g. "secret-service").</summary>
    string Name { get; }

    /// <summary>The profile's stored key, or null when the store holds none for it.</summary>
    Task<StoredKey?> GetAsync(string profile, CancellationToken ct);

    /// <summary>Stores (or replaces) the profile's key.</summary>
    Task SetAsync(StoredKey key, CancellationToken ct);

    /// <summary>Deletes the profile's key; false when there was none.</summary>
    Task<bool> RemoveAsync(string profile, CancellationToken ct);

    /// <summary>Every profile with a key in this store, without secrets.</summary>
    Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct);
}
