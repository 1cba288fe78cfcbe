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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Files_the_AWS_CLI_reads_work_where_the_SDKs_own_parser_would_fail_on_them(bool variables)
    {
        // AWSSDK.Core's parser rejects a header's trailing comment, which botocore accepts; its failure once broke every
        // AWS call of the process. The files are aws-session's to read, never the SDK's.
        var dir = Directory.CreateDirectory(variables ? Path.Combine(Tool.Home, "elsewhere") : Path.Combine(Tool.Home, ".aws")).FullName;
        File.WriteAllText(Path.Combine(dir, "config"), $"[profile work] # the team's account\nmfa_serial = {Moto.Seed.Devices[0]}\nregion = eu-west-1\ns3 =\n  max_concurrent_requests = 10\n");
        File.WriteAllText(Path.Combine(dir, "credentials"), $"[default] ; unused\n[work] # its keys\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        Tool.Unset("AWS_REGION");
        if (variables)
            Tool.Set("AWS_CONFIG_FILE", Path.Combine(dir, "config")).Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(dir, "credentials"));

        var r = await Tool.RunAsync("--profile", "work", "-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("export AWS_REGION='eu-west-1'");
        Proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    /// <summary>Lines whose reading aws-session once did not share with the AWS CLI (Config/IniLines).</summary>
    public static TheoryData<string> Profiles() => new()
    {
        "[profile work] # the team's account\nregion = eu-west-1\nmfa_serial = {device}\n",
        "[profile work]\nregion: eu-west-2\nmfa_serial: {device}\n",
        "[profile work]\n  region = eu-west-3\nMFA_SERIAL = {device}\n",
        "[profile work]\rregion = eu-central-1\rmfa_serial = {device}\r",
        "[profile work]\r\ns3 =\r\n  region = nested\r\n\r\n  # a comment\r\n  max_concurrent_requests = 10\r\nregion = ap-south-1\r\nmfa_serial = {device}\r\n",
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_profile_means_to_aws_session_what_it_means_to_the_AWS_CLI(string config)
    {
        Tool.WriteAwsFiles(config.Replace("{device}", Moto.Seed.Devices[0]),
            $"[work]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        Tool.Unset("AWS_REGION", "AWS_DEFAULT_REGION");

        var cli = await Tool.ShellAsync("/usr/bin/aws configure get region --profile work && /usr/bin/aws configure get mfa_serial --profile work");
        var r = await Tool.RunAsync("--profile", "work", "-t", "123456", "--no-cache");

        cli.ExitCode.ShouldBe(0, cli.ToString());
        var (region, serial) = (cli.Stdout.Split('\n')[0], cli.Stdout.Split('\n')[1]);
        serial.ShouldBe(Moto.Seed.Devices[0]);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain($"export AWS_REGION='{region}'");
        Proxy.Calls("ListMFADevices").ShouldBe(0, "mfa_serial is read from the profile, as the AWS CLI reads it");
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
