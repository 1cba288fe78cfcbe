using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>Parallel cold `pose NAME` runs share one MFA session and one listing of the organization, under the cache's locks.</summary>
[Collection(OrgCollection.Name)]
public sealed class ParallelColdPoseTests(OrgFixture org) : IDisposable
{
    private readonly AwsSessionProcess _tool = org.Tool();

    public void Dispose() => _tool.Dispose();

    [Fact]
    public async Task Twenty_parallel_cold_pose_by_name_list_the_organization_once()
    {
        org.Proxy.Reset();
        var name = org.Seed.Accounts[^1].Name;

        var runs = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => _tool.RunAsync(["pose", name, "-t", "123456", "--shell", "json"], stdin: "", timeout: TimeSpan.FromMinutes(3))));

        runs.ShouldAllBe(r => r.ExitCode == 0, string.Join("\n", runs.Where(r => r.ExitCode != 0).Take(3)));
        org.Proxy.Calls("GetSessionToken").ShouldBe(1);
        // 31 accounts, 20 a page: one listing is two pages.
        org.Proxy.Calls("ListAccounts").ShouldBe(2);
    }
}
