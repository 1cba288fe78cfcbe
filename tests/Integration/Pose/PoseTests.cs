using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>`aws-session pose` against moto with an organization of 31 accounts (two ListAccounts pages).</summary>
[Collection(OrgCollection.Name)]
public sealed class PoseTests(OrgFixture org) : IDisposable
{
    private const string DefaultRole = "OrganizationAccountAccessRole";
    private readonly AwsSessionProcess _tool = org.Tool();

    public void Dispose() => _tool.Dispose();

    private async Task<ProcessResult> Pose(params string[] args)
    {
        org.Proxy.Reset();
        return await _tool.RunAsync(["pose", .. args, "--shell", "json"]);
    }

    private static string Identity(ProcessResult r)
    {
        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("AWS_SESSION_IDENTITY").GetString()!;
    }

    [Fact]
    public async Task By_id_never_lists_the_accounts()
    {
        var prod = org.Account("prod");

        var r = await Pose(prod.Id, "-t", "123456");

        Identity(r).ShouldBe($"role:arn:aws:iam::{prod.Id}:role/{DefaultRole}");
        org.Proxy.Calls("ListAccounts").ShouldBe(0);
        org.Proxy.Calls("AssumeRole").ShouldBe(1);
        r.Stderr.ShouldMatch($@"Assumed {DefaultRole} in {prod.Id}{SessionLine.Until}");
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task By_exact_name_case_insensitively_after_listing_every_page()
    {
        var staging = org.Account("staging");

        var r = await Pose("STAGING", "-t", "123456");

        Identity(r).ShouldBe($"role:arn:aws:iam::{staging.Id}:role/{DefaultRole}");
        org.Proxy.Calls("ListAccounts").ShouldBe((org.TotalAccounts + 19) / 20);
        org.Proxy.Calls("ListAccounts").ShouldBeGreaterThan(1);
        r.StderrLines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, $@"^aws-session: Assumed {DefaultRole} in staging \({staging.Id}\){SessionLine.Until}$"));
    }

    [Fact]
    public async Task By_unique_prefix_of_a_name_or_of_an_id()
    {
        Identity(await Pose("stag", "-t", "123456")).ShouldContain(org.Account("staging").Id);
        Identity(await Pose("Team-0029", "-t", "123456")).ShouldContain(org.Account("team-0029").Id);

        var unique = org.Seed.Accounts.Select(a => a.Id)
            .Select(id => Enumerable.Range(4, 8).Select(n => id[..n]).FirstOrDefault(p => org.Seed.Accounts.Count(a => a.Id.StartsWith(p, StringComparison.Ordinal)) == 1 && !"123456789012".StartsWith(p, StringComparison.Ordinal)))
            .First(p => p is not null)!;
        Identity(await Pose(unique, "-t", "123456")).ShouldContain(org.Seed.Accounts.Single(a => a.Id.StartsWith(unique, StringComparison.Ordinal)).Id);
    }

    [Fact]
    public async Task The_second_lookup_by_name_uses_the_cached_list()
    {
        (await Pose("prod", "-t", "123456")).ExitCode.ShouldBe(0);
        var r = await Pose("staging");

        Identity(r).ShouldContain(org.Account("staging").Id);
        org.Proxy.Calls("ListAccounts").ShouldBe(0);
        org.Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task By_name_without_the_cache_makes_one_MFA_session_for_the_listing_and_the_role()
    {
        var r = await Pose("prod", "-t", "123456", "--no-cache");

        Identity(r).ShouldContain(org.Account("prod").Id);
        org.Proxy.Calls("GetSessionToken").ShouldBe(1, "a second one would spend the MFA code twice");
        org.Proxy.Calls("AssumeRole").ShouldBe(1);
        org.Proxy.Calls("ListAccounts").ShouldBeGreaterThan(0, "the name was looked up, not read from a cache");
    }

    [Theory]
    [InlineData("Admin", "role/Admin")]
    [InlineData("ci/Deploy", "role/ci/Deploy")]
    public async Task Role_as_a_name_or_a_path(string role, string suffix)
    {
        var prod = org.Account("prod");
        Identity(await Pose("prod", role, "-t", "123456")).ShouldBe($"role:arn:aws:iam::{prod.Id}:{suffix}");
    }

    [Fact]
    public async Task A_role_arn_brings_its_own_account()
    {
        var staging = org.Account("staging");
        var arn = $"arn:aws:iam::{staging.Id}:role/ops/Reader";

        Identity(await Pose("prod", arn, "-t", "123456")).ShouldBe("role:" + arn);
        Identity(await Pose(arn, "-t", "123456")).ShouldBe("role:" + arn);
        org.Proxy.Calls("ListAccounts").ShouldBe(0);
    }

    [Fact]
    public async Task The_session_works_and_is_named_after_the_caller_unless_told()
    {
        var prod = org.Account("prod");
        var script = """eval "$(aws-session pose prod -t 123456 {0})" && aws sts get-caller-identity --output text --query Arn""";

        var byDefault = await _tool.ShellAsync(string.Format(script, ""));
        var named = await _tool.ShellAsync(string.Format(script, "--session-name deploy@ci"));

        byDefault.ExitCode.ShouldBe(0, byDefault.ToString());
        byDefault.Stdout.Trim().ShouldBe($"arn:aws:sts::{prod.Id}:assumed-role/{DefaultRole}/{org.Seed.User}");
        named.ExitCode.ShouldBe(0, named.ToString());
        named.Stdout.Trim().ShouldBe($"arn:aws:sts::{prod.Id}:assumed-role/{DefaultRole}/deploy@ci");
    }

    [Fact]
    public async Task A_session_in_the_environment_is_the_source_with_no_mfa_and_no_prompt()
    {
        var mfa = await _tool.RunAsync("-t", "123456", "--shell", "json");
        mfa.ExitCode.ShouldBe(0, mfa.ToString());
        using (var doc = JsonDocument.Parse(mfa.Stdout))
        {
            foreach (var p in doc.RootElement.EnumerateObject())
                _tool.Set(p.Name, p.Value.GetString()!);
        }

        var r = await Pose("staging");

        Identity(r).ShouldContain(org.Account("staging").Id);
        org.Proxy.Calls("GetSessionToken").ShouldBe(0);
        org.Proxy.Calls("ListMFADevices").ShouldBe(0);
        org.Proxy.Calls("AssumeRole").ShouldBe(1);
    }

    [Fact]
    public async Task From_a_role_session_the_duration_is_capped_at_one_hour_with_a_note()
    {
        var first = await Pose("prod", "-t", "123456");
        using (var doc = JsonDocument.Parse(first.Stdout))
        {
            foreach (var p in doc.RootElement.EnumerateObject())
                _tool.Set(p.Name, p.Value.GetString()!);
        }

        var r = await Pose(org.Account("staging").Id, "-d", "4h");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("role chaining: the duration is capped at 1h (asked 4h)");
        using var json = JsonDocument.Parse(r.Stdout);
        var expires = DateTimeOffset.Parse(json.RootElement.GetProperty("AWS_CREDENTIAL_EXPIRATION").GetString()!);
        (expires - DateTimeOffset.UtcNow).ShouldBeLessThan(TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task An_aws_cli_role_profile_with_every_key()
    {
        var prod = org.Account("prod");
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        _tool.WriteAwsFiles(
            $"""
            [profile base]
            region = us-east-1
            [profile prod-admin]
            role_arn = arn:aws:iam::{prod.Id}:role/Admin
            source_profile = base
            mfa_serial = {org.Seed.Devices[0]}
            external_id = ext-123
            role_session_name = ci-bot
            duration_seconds = 1800
            """,
            $"""
            [base]
            aws_access_key_id = {org.Seed.AccessKeyId}
            aws_secret_access_key = {org.Seed.SecretAccessKey}
            """);

        var r = await _tool.ShellAsync("""eval "$(aws-session --profile prod-admin -t 123456)" && aws sts get-caller-identity --output text --query Arn && echo "exp=$AWS_CREDENTIAL_EXPIRATION" """);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain($"arn:aws:sts::{prod.Id}:assumed-role/Admin/ci-bot");
        var expires = DateTimeOffset.Parse(r.Stdout.Split("exp=")[1].Trim());
        (expires - DateTimeOffset.UtcNow).ShouldBeInRange(TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(31));
        r.Stderr.ShouldContain($"Assumed Admin in {prod.Id} until");
    }
}
