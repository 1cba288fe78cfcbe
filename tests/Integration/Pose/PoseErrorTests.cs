using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>pose's failures: one stderr line, the right exit code, and no AssumeRole (no call at all for bad input).</summary>
[Collection(OrgCollection.Name)]
public sealed class PoseErrorTests(OrgFixture org) : IDisposable
{
    private readonly AwsSessionProcess _tool = org.Tool();

    public void Dispose() => _tool.Dispose();

    private async Task<ProcessResult> Run(params string[] args)
    {
        org.Proxy.Reset();
        var r = await _tool.RunAsync(args);
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        return r;
    }

    [Fact]
    public async Task A_name_that_matches_nothing_exits_1_quoting_it_and_naming_the_closest()
    {
        var r = await Run("pose", "prdo", "-t", "123456");

        r.ExitCode.ShouldBe(1);
        r.Stderr.ShouldContain("no account named 'prdo'");
        r.Stderr.ShouldContain($"closest: prod ({org.Account("prod").Id})");
        org.Proxy.Calls("AssumeRole").ShouldBe(0);
    }

    [Fact]
    public async Task A_number_that_is_not_12_digits_and_matches_nothing_exits_1()
    {
        var r = await Run("pose", "1234567890123", "-t", "123456");

        r.ExitCode.ShouldBe(1);
        r.Stderr.ShouldContain("'1234567890123'");
        r.Stderr.ShouldContain("12 digits");
        org.Proxy.Calls("AssumeRole").ShouldBe(0);
    }

    [Fact]
    public async Task A_prefix_of_several_lists_them_and_assumes_nothing()
    {
        var r = await Run("pose", "team-001", "-t", "123456");

        r.ExitCode.ShouldBe(1);
        r.Stderr.ShouldContain("'team-001' matches 10 accounts: team-0010 (");
        org.Proxy.Calls("AssumeRole").ShouldBe(0);
    }

    [Theory]
    [InlineData("--session-name", "x")]
    [InlineData("--session-name", "no spaces allowed")]
    [InlineData("--external-id", "a")]
    [InlineData("-d", "13h")]
    [InlineData("-d", "5m")]
    [InlineData("-d", "forever")]
    public async Task Invalid_options_exit_2_before_any_call(string option, string value)
    {
        var r = await Run("pose", "prod", option, value, "-t", "123456");

        r.ExitCode.ShouldBe(2);
        org.Proxy.TotalCalls.ShouldBe(0);
    }

    [Theory]
    [InlineData("not a role")]
    [InlineData("arn:aws:iam::123:role/Short")]
    public async Task An_invalid_role_exits_2_before_any_call(string role)
    {
        var r = await Run("pose", "prod", role, "-t", "123456");

        r.ExitCode.ShouldBe(2);
        org.Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_role_profile_with_duration_seconds_out_of_range_exits_2_before_any_call()
    {
        _tool.WriteAwsFiles($"""
            [profile short]
            role_arn = arn:aws:iam::{org.Account("prod").Id}:role/Admin
            source_profile = base
            duration_seconds = 60
            """, $"""
            [base]
            aws_access_key_id = {org.Seed.AccessKeyId}
            aws_secret_access_key = {org.Seed.SecretAccessKey}
            """);

        var r = await Run("--profile", "short", "-t", "123456");

        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("profile 'short': duration_seconds: 1m is out of range; use 15m to 12h");
        org.Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task No_account_and_no_terminal_exits_2_before_any_call()
    {
        var r = await Run("pose", "-t", "123456");

        r.ExitCode.ShouldBe(2);
        r.Stderr.ShouldContain("picker");
        org.Proxy.TotalCalls.ShouldBe(0);
    }
}

/// <summary>
/// Without an organization a name cannot be looked up, but a 12-digit id still works. AWS answers
/// AWSOrganizationsNotInUseException (unit-tested); moto answers an empty list, which must say the same.
/// </summary>
public sealed class PoseWithoutOrganizationTests : IAsyncLifetime
{
    private MotoServer _moto = null!;

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync(new MotoOptions { Organization = false });

    public async Task DisposeAsync() => await _moto.DisposeAsync();

    [Fact]
    public async Task A_name_fails_saying_that_an_id_works_and_an_id_does()
    {
        using var tool = new AwsSessionProcess(_moto.Url, _moto.Seed);

        var byName = await tool.RunAsync("pose", "prod", "-t", "123456");
        var byId = await tool.RunAsync("pose", "210987654321", "-t", "123456", "--shell", "json");

        byName.ExitCode.ShouldBe(1, byName.ToString());
        byName.StderrLines.Count.ShouldBe(1, byName.ToString());
        byName.Stderr.ShouldContain("'prod'");
        byName.Stderr.ShouldContain("12-digit account id works without the organization");
        byId.ExitCode.ShouldBe(0, byId.ToString());
        byId.Stdout.ShouldContain("arn:aws:iam::210987654321:role/OrganizationAccountAccessRole");
    }
}
