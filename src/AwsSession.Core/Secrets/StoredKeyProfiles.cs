using AwsSession.Config;

namespace AwsSession.Secrets;

/// <summary>
/// The profiles as the resolver sees them, with a secret store's key in place of ~/.aws/credentials' for every profile
/// whose backend (AWS_SESSION_BACKEND or its aws_session_backend) is a store: environment keys (the resolver's first
/// rule), then the store's entry, then the credentials file. A profile with role_arn needs no key and is not looked up.
/// </summary>
public sealed class StoredKeyProfiles(IProfileStore files, Backends backends, Func<string, ISecretStore> open) : IProfileStore
{
    private readonly Dictionary<string, ISecretStore> _open = [];

    public ProfileSettings? Find(string name)
    {
        var profile = files.Find(name);
        if (profile?.RoleArn is not null || StoreNameOf(name, profile?.SessionBackend) is not { } backend)
            return profile;
        if (!_open.TryGetValue(backend, out var store))
            _open[backend] = store = open(backend);
        // The resolver is synchronous and this is a command-line process without a synchronisation context.
        var key = store.GetAsync(name, CancellationToken.None).GetAwaiter().GetResult();
        return key is null ? profile
            : (profile ?? new ProfileSettings(name)) with { AccessKeyId = key.AccessKeyId, SecretAccessKey = key.SecretAccessKey, SessionToken = null };
    }

    public ProfileSettings? FindInFiles(string name) => files.Find(name);

    public IReadOnlyDictionary<string, string>? FindSsoSession(string name) => files.FindSsoSession(name);

    public IReadOnlyDictionary<string, string>? FindServices(string name) => files.FindServices(name);

    public IReadOnlyList<string> SsoSessionNames() => files.SsoSessionNames();

    private string? StoreNameOf(string name, string? configured)
    {
        if (!StoreNames.IsStoreName(name))
            return null;
        var backend = backends.For(name, null, configured);
        return backend == PlaintextStore.BackendName ? null : backend;
    }
}
