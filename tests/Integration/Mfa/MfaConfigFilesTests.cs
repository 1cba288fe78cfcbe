using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>The real process reads profiles where AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point.</summary>
[Collection(MotoCollection.Name)]
public sealed class MfaConfigFilesTests(MotoServer moto) : ProxiedToolTests(moto, seedKeys: false)
{
    [Fact]
    public async Task Profiles_come_from_AWS_CONFIG_FILE_and_AWS_SHARED_CREDENTIALS_FILE()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Tool.Home, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(dir, "cfg"), $"[profile work]\nmfa_serial = {Moto.Seed.Devices[0]}\nregion = eu-west-1\n");
        File.WriteAllText(Path.Combine(dir, "creds"), $"[work]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        Tool.Unset("AWS_REGION").Set("AWS_CONFIG_FILE", Path.Combine(dir, "cfg")).Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(dir, "creds"));

        var r = await Tool.RunAsync("--profile", "work", "-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("export AWS_REGION='eu-west-1'");
        Proxy.Calls("ListMFADevices").ShouldBe(0); // mfa_serial from the config file was used
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_profile_is_a_usage_error_without_AWS_calls()
    {
        var r = await Tool.RunAsync("--profile", "nope", "-t", "123456");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("profile 'nope' not found");
        Proxy.TotalCalls.ShouldBe(0);
    }
}
