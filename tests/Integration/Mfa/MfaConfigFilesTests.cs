using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>The real process reads profiles where AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE point.</summary>
[Collection(MotoCollection.Name)]
public sealed class MfaConfigFilesTests : IAsyncDisposable
{
    private readonly MotoServer _moto;
    private readonly FaultProxy _proxy;
    private readonly AwsSessionProcess _tool;

    public MfaConfigFilesTests(MotoServer moto)
    {
        _moto = moto;
        _proxy = new FaultProxy(moto.Url);
        _tool = new AwsSessionProcess(_proxy.Url, seed: null);
    }

    [Fact]
    public async Task Profiles_come_from_AWS_CONFIG_FILE_and_AWS_SHARED_CREDENTIALS_FILE()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_tool.Home, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(dir, "cfg"), $"[profile work]\nmfa_serial = {_moto.Seed.Devices[0]}\nregion = eu-west-1\n");
        File.WriteAllText(Path.Combine(dir, "creds"), $"[work]\naws_access_key_id = {_moto.Seed.AccessKeyId}\naws_secret_access_key = {_moto.Seed.SecretAccessKey}\n");
        _tool.Unset("AWS_REGION").Set("AWS_CONFIG_FILE", Path.Combine(dir, "cfg")).Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(dir, "creds"));

        var r = await _tool.RunAsync("--profile", "work", "-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("export AWS_REGION='eu-west-1'");
        _proxy.Calls("ListMFADevices").ShouldBe(0); // mfa_serial from the config file was used
        _proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_profile_is_a_usage_error_without_AWS_calls()
    {
        var r = await _tool.RunAsync("--profile", "nope", "-t", "123456");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("profile 'nope' not found");
        _proxy.TotalCalls.ShouldBe(0);
    }

    public async ValueTask DisposeAsync()
    {
        _tool.Dispose();
        await _proxy.DisposeAsync();
    }
}
