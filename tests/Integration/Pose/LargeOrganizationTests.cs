using System.Diagnostics;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>Issue 10 against 1,000 accounts: 50 ListAccounts calls cold, none warm, refresh on a miss, progress on a terminal only.</summary>
public sealed class LargeOrganizationTests(LargeOrgFixture org) : IClassFixture<LargeOrgFixture>, IDisposable
{
    private readonly AwsSessionProcess _tool = org.Tool();

    public void Dispose() => _tool.Dispose();

    private async Task<(ProcessResult Result, int ListAccounts)> Pose(params string[] args)
    {
        var before = org.Proxy.Calls("ListAccounts");
        var r = await _tool.RunAsync(["pose", .. args, "--shell", "json"]);
        return (r, org.Proxy.Calls("ListAccounts") - before);
    }

    [Fact]
    public async Task Cold_lists_in_exactly_50_calls_warm_in_none_and_a_new_account_is_found_by_one_refresh()
    {
        org.TotalAccounts.ShouldBe(1000);
        var last = org.Seed.Accounts[^1];

        var (cold, coldCalls) = await Pose(last.Name, "-t", "123456");
        cold.ExitCode.ShouldBe(0, cold.ToString());
        coldCalls.ShouldBe(50);

        var (warm, warmCalls) = await Pose("prod");
        warm.ExitCode.ShouldBe(0, warm.ToString());
        warmCalls.ShouldBe(0);
        var (byId, byIdCalls) = await Pose(org.Account("staging").Id);
        byId.ExitCode.ShouldBe(0, byId.ToString());
        byIdCalls.ShouldBe(0);

        await CreateAccountAsync("brand-new-team");
        var (found, refreshCalls) = await Pose("brand-new-team");
        found.ExitCode.ShouldBe(0, found.ToString());
        found.Stderr.ShouldContain("Assumed OrganizationAccountAccessRole in brand-new-team (");
        refreshCalls.ShouldBe(51);

        var (again, againCalls) = await Pose("brand-new-team");
        again.ExitCode.ShouldBe(0, again.ToString());
        againCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Progress_appears_on_a_terminal_and_never_when_stderr_is_not_one()
    {
        var piped = await _tool.RunAsync("accounts", "--refresh", "-t", "123456");
        piped.ExitCode.ShouldBe(0, piped.ToString());
        piped.Stderr.ShouldBeEmpty();

        var output = Path.Combine(_tool.Home, "accounts.json");
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session accounts --refresh --json > '{output}'", _tool.Environment);
        var screen = await terminal.WaitForTextAsync("Listing the organization's accounts", TimeSpan.FromSeconds(20));
        (await terminal.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0);

        screen.ShouldMatch(@"Listing the organization's accounts(\.\.\.|: \d+)");
        (await File.ReadAllTextAsync(output)).ShouldNotContain("Listing");
    }

    [Fact]
    public async Task The_picker_opens_at_once_on_a_warm_list_of_1000()
    {
        (await Pose("prod", "-t", "123456")).Result.ExitCode.ShouldBe(0);
        var output = Path.Combine(_tool.Home, "exports.json");
        var watch = Stopwatch.StartNew();
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session pose --shell json > '{output}'", _tool.Environment);

        await terminal.WaitForTextAsync("Which account?", TimeSpan.FromSeconds(10));
        var opened = watch.Elapsed;
        await terminal.TypeAsync("team-0998");
        await terminal.WaitForTextAsync("team-0998@example.com");
        await terminal.SendKeysAsync("Enter");

        (await terminal.WaitForExitAsync()).ShouldBe(0, await terminal.ScreenAsync());
        (await File.ReadAllTextAsync(output)).ShouldContain(org.Account("team-0998").Id);
        opened.ShouldBeLessThan(TimeSpan.FromSeconds(5), "process start included; the bench measures it finer");
    }

    private async Task CreateAccountAsync(string name)
    {
        var script = $"""
            import boto3
            boto3.client("organizations", endpoint_url="{org.Moto.Url}", region_name="us-east-1",
                aws_access_key_id="AKIAIOSFODNN7EXAMPLE", aws_secret_access_key="x").create_account(Email="{name}@example.com", AccountName="{name}")
            """;
        var r = await ProcessRunner.RunAsync("python3", ["-c", script], ProcessRunner.CleanEnvironment(), timeout: TimeSpan.FromSeconds(30));
        r.ExitCode.ShouldBe(0, r.ToString());
    }
}
