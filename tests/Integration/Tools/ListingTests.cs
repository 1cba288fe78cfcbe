using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>`devices` and `whoami`: JSON when piped or with --json (tables on a terminal are for people).</summary>
[Collection(MotoCollection.Name)]
public sealed class ListingTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    [Trait("Category", "Smoke")]
    [Theory]
    [InlineData]
    [InlineData("--json")]
    public async Task Devices_lists_the_users_MFA_devices_as_json_without_an_MFA_code(params string[] extra)
    {
        var r = await _tool.RunAsync(["devices", .. extra], stdin: null);

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var devices = doc.RootElement.EnumerateArray().ToList();
        devices.Select(d => d.GetProperty("serial_number").GetString()).ShouldBe(moto.Seed.Devices);
        devices[0].GetProperty("user").GetString().ShouldBe(moto.Seed.User);
        devices[0].GetProperty("type").GetString().ShouldBe("virtual");
        devices[0].GetProperty("default").GetBoolean().ShouldBeTrue();
        devices.Skip(1).ShouldAllBe(d => d.GetProperty("default").ValueKind == JsonValueKind.False);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Whoami_describes_the_mfa_session()
    {
        var r = await _tool.RunAsync("whoami", "-t", "123456");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("session").GetString().ShouldBe("mfa");
        doc.RootElement.GetProperty("account").GetString()!.Length.ShouldBe(12);
        doc.RootElement.GetProperty("expiration").GetString()!.ShouldEndWith("Z");
    }

    [Fact]
    public async Task Whoami_pose_describes_the_role_session()
    {
        var prod = moto.Seed.Accounts[0].Id;

        var r = await _tool.RunAsync("whoami", "pose", prod, "-t", "123456", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("account").GetString().ShouldBe(prod);
        doc.RootElement.GetProperty("arn").GetString()!.ShouldContain(":assumed-role/OrganizationAccountAccessRole/");
        doc.RootElement.GetProperty("session").GetString().ShouldBe("role");
    }

    [Fact]
    public async Task Whoami_in_a_shell_that_holds_a_session_describes_that_session()
    {
        var prod = moto.Seed.Accounts[0].Id;

        var r = await _tool.ShellAsync($"""eval "$(aws-session pose {prod} -t 123456)" && aws-session whoami""");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("account").GetString().ShouldBe(prod);
        doc.RootElement.GetProperty("session").GetString().ShouldBe("environment");
    }

    public void Dispose() => _tool.Dispose();
}
