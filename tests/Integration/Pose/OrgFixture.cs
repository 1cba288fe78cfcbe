using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>
/// A moto with an organization of more than 20 accounts (so ListAccounts really pages), behind a FaultProxy that
/// counts calls per action. One for all the pose classes (<see cref="OrgCollection"/>): their tests run one after
/// another, so each may Reset the counts, and each tool has a HOME and cache of its own.
/// </summary>
public class OrgFixture : IAsyncLifetime
{
    private readonly int _accounts;

    public OrgFixture() => _accounts = 30;

    protected OrgFixture(int accounts) => _accounts = accounts;

    public MotoServer Moto { get; private set; } = null!;

    public FaultProxy Proxy { get; private set; } = null!;

    public SeedData Seed => Moto.Seed;

    /// <summary>Created accounts plus the management account, which ListAccounts also returns.</summary>
    public int TotalAccounts => Seed.Accounts.Count + 1;

    public SeedAccount Account(string name) => Seed.Accounts.Single(a => a.Name == name);

    /// <summary>A tool with a fresh HOME and cache, pointed at the counting proxy.</summary>
    public AwsSessionProcess Tool() => new(Proxy.Url, Seed);

    public async Task InitializeAsync()
    {
        Moto = await MotoServer.StartAsync(new MotoOptions { Accounts = _accounts });
        Proxy = new FaultProxy(Moto.Url);
    }

    public async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Moto.DisposeAsync();
    }
}

/// <summary>An organization of 1,000 accounts (999 created + the management account): 50 pages of 20.</summary>
public sealed class LargeOrgFixture : OrgFixture
{
    public LargeOrgFixture()
        : base(999)
    {
    }
}

[CollectionDefinition(Name)]
public sealed class OrgCollection : ICollectionFixture<OrgFixture>
{
    public const string Name = "organization";
}
