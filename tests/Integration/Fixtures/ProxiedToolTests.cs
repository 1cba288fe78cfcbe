namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// Base for test classes that count or fault AWS calls: a FaultProxy of the test's own in front of a moto, and a
/// tool (fresh HOME and cache) pointed at the proxy. xunit makes one instance per test, so each test starts with
/// zero counts and no injected faults; both are disposed after it.
/// </summary>
public abstract class ProxiedToolTests : IAsyncDisposable
{
    /// <param name="moto">The moto behind the proxy.</param>
    /// <param name="seedKeys">False leaves alice's keys out of the environment, for tests that give them in profile files.</param>
    protected ProxiedToolTests(MotoServer moto, bool seedKeys = true)
    {
        Moto = moto;
        Proxy = new FaultProxy(moto.Url);
        Tool = new AwsSessionProcess(Proxy.Url, seedKeys ? moto.Seed : null);
    }

    protected MotoServer Moto { get; }

    protected FaultProxy Proxy { get; }

    protected AwsSessionProcess Tool { get; }

    /// <summary>The tool with no controlling terminal, as under an IDE or cron: /dev/tty cannot be opened.</summary>
    protected Task<ProcessResult> Detached(params string[] args) =>
        ProcessRunner.RunAsync("setsid", ["-w", Repo.Binary, .. args], Tool.Environment, timeout: Tool.Timeout, workingDirectory: Tool.Home);

    public async ValueTask DisposeAsync()
    {
        Tool.Dispose();
        await Proxy.DisposeAsync();
    }
}
