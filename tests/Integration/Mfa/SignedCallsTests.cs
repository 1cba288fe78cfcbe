using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Mfa;

/// <summary>
/// moto with signature checks on (INITIAL_NO_AUTH_ACTION_COUNT 0 once seeded): the SigV4SigningHandler IAM call and
/// the SDK's STS calls must be signed correctly to pass, through the proxy too (it keeps the signed Host header).
/// </summary>
public sealed class SignedCallsTests : IAsyncLifetime
{
    private MotoServer _moto = null!;
    private FaultProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync(new MotoOptions { Organization = false, EnforceAuthAfterSeed = true });
        _proxy = new FaultProxy(_moto.Url);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Correctly_signed_IAM_and_STS_calls_are_accepted()
    {
        using var tool = new AwsSessionProcess(_proxy.Url, _moto.Seed);

        var r = await tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString() + _moto.Log());
        r.Stdout.ShouldContain("AWS_SESSION_TOKEN");
        _proxy.Calls("ListMFADevices").ShouldBeGreaterThanOrEqualTo(1);
        _proxy.Calls("GetSessionToken").ShouldBe(1);
    }

    [Fact]
    public async Task A_wrong_secret_is_rejected_with_a_clear_message()
    {
        using var tool = new AwsSessionProcess(_proxy.Url, _moto.Seed);
        tool.Set("AWS_SECRET_ACCESS_KEY", "wrong" + _moto.Seed.SecretAccessKey[5..]);

        var r = await tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("rejected the credentials");
        r.Stderr.ShouldNotContain(tool.Environment["AWS_SECRET_ACCESS_KEY"]);
        _proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _moto.DisposeAsync();
    }
}
