using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>A moto of this class's own with five accounts (team-0002..team-0004 share a prefix) and two MFA devices.</summary>
public sealed class OrgMoto : IAsyncLifetime
{
    public MotoServer Moto { get; private set; } = null!;

    public async Task InitializeAsync() => Moto = await MotoServer.StartAsync(new MotoOptions { Accounts = 5 });

    public async Task DisposeAsync() => await Moto.DisposeAsync();
}
