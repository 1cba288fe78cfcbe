using AwsSession.Application;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Prompts;
using AwsSession.Secrets;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Secrets;

/// <summary>A store in memory, counting writes.</summary>
public sealed class MemoryStore(string name = "memory") : ISecretStore
{
    public Dictionary<string, StoredKey> Keys { get; } = [];

    public int Writes { get; private set; }

    public string Name => name;

    public Task<StoredKey?> GetAsync(string profile, CancellationToken ct) => Task.FromResult(Keys.GetValueOrDefault(profile));

    public Task SetAsync(StoredKey key, CancellationToken ct)
    {
        Writes++;
        Keys[key.Profile] = key;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string profile, CancellationToken ct) => Task.FromResult(Keys.Remove(profile));

    public Task<IReadOnlyList<StoredKeyInfo>> ListAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<StoredKeyInfo>>(Keys.Values.Select(k => k.Info(Name)).ToList());
}

/// <summary>Answers prompts from a queue and records whether each was secret.</summary>
public sealed class ScriptedSecretPrompt(bool canPrompt, params string[] answers) : ISecretPrompt
{
    private readonly Queue<string> _answers = new(answers);

    public List<(string Label, bool Secret)> Asked { get; } = [];

    public bool CanPrompt => canPrompt;

    public string Ask(string label, bool secret)
    {
        Asked.Add((label, secret));
        return _answers.Dequeue();
    }
}

/// <summary>A HOME of its own (deleted at the end) and a ToolContext on it with the given stores and STS.</summary>
public sealed class KeyWorld : IDisposable
{
    public KeyWorld(IStsGateway? sts = null, ISecretPrompt? prompt = null, params (string, string)[] env)
    {
        Home = Directory.CreateTempSubdirectory("aws-session-unit-").FullName;
        Env = new EnvironmentVariables(env.Append(("HOME", Home)).ToDictionary(v => v.Item1, v => v.Item2, StringComparer.Ordinal));
        Context = new ToolContext
        {
            Env = Env,
            Out = new StringWriter(),
            Status = Status,
            Interaction = () => new ScriptedInteraction(false),
            Gateways = (_, reach) =>
            {
                Bundles.Add(reach.CaBundle);
                return new Gateways(sts ?? new FakeSts());
            },
            Profiles = () => new SharedProfileStore(Env),
            SecretPrompt = () => prompt ?? new ScriptedSecretPrompt(false),
            Stores = name => Stores.TryGetValue(name, out var s) ? s : Stores[name] = new MemoryStore(name),
        };
    }

    public string Home { get; }

    public EnvironmentVariables Env { get; }

    public RecordingStatus Status { get; } = new();

    /// <summary>The CA bundle each call to AWS was to trust.</summary>
    public List<CaBundle?> Bundles { get; } = [];

    public Dictionary<string, ISecretStore> Stores { get; } = [];

    public ToolContext Context { get; }

    public string CredentialsPath => Path.Combine(Home, ".aws", "credentials");

    public string ConfigPath => Path.Combine(Home, ".aws", "config");

    public void WriteCredentials(string text)
    {
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
        File.WriteAllText(CredentialsPath, text);
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    private sealed class Gateways(IStsGateway sts) : IAwsGateways
    {
        public IStsGateway Sts => sts;

        public IIamGateway Iam => throw new InvalidOperationException("no IAM in this test");

        public IOrganizationsGateway Organizations => throw new InvalidOperationException("no Organizations in this test");
    }
}
