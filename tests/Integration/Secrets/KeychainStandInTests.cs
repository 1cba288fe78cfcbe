using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Secrets;

/// <summary>
/// The keychain backend cannot reach a real macOS keychain here: it runs against Secrets/StandIns/security, a stand-in
/// that keeps /usr/bin/security's command-line contract (and logs every argument list it gets).
/// </summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeychainStandInTests : IDisposable
{
    private readonly MotoServer _moto;
    private readonly AwsSessionProcess _tool;
    private readonly string _argv;

    public KeychainStandInTests(MotoServer moto)
    {
        _moto = moto;
        _tool = new AwsSessionProcess(moto.Url, moto.Seed);
        _argv = Path.Combine(_tool.Home, "security-argv.log");
        _tool.Set("AWS_SESSION_KEYCHAIN_TOOL", Path.Combine(Repo.Root, "tests", "Integration", "Secrets", "StandIns", "security"))
            .Set("SECURITY_STANDIN_DB", Path.Combine(_tool.Home, "keychain.json"))
            .Set("SECURITY_STANDIN_ARGV", _argv);
    }

    [Fact]
    public async Task Add_list_remove_round_trip_with_the_secret_never_in_an_argument()
    {
        var add = await _tool.RunAsync("add", "mac", "--from-env", "--backend", "keychain");
        var list = await _tool.RunAsync("list", "--backend", "keychain", "--json");
        var remove = await _tool.RunAsync("remove", "mac", "--backend", "keychain");
        var after = await _tool.RunAsync("list", "--backend", "keychain", "--json");

        add.ExitCode.ShouldBe(0, add.ToString());
        list.ExitCode.ShouldBe(0, list.ToString());
        list.Stdout.ShouldContain("\"profile\": \"mac\"");
        list.Stdout.ShouldContain("\"backend\": \"keychain\"");
        list.Stdout.ShouldNotContain(_moto.Seed.AccessKeyId);
        remove.ExitCode.ShouldBe(0, remove.ToString());
        after.Stdout.ShouldNotContain("\"mac\"");
        var argv = await File.ReadAllTextAsync(_argv);
        argv.ShouldContain("find-generic-password -s aws-session -a mac -w");
        argv.ShouldNotContain(_moto.Seed.SecretAccessKey);
        argv.ShouldNotContain(Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(_moto.Seed.SecretAccessKey))[..16]);
    }

    [Fact]
    public async Task A_missing_tool_is_one_clear_line()
    {
        _tool.Set("AWS_SESSION_KEYCHAIN_TOOL", "/nonexistent/security");

        var r = await _tool.RunAsync("list", "--backend", "keychain");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("cannot run /nonexistent/security");
    }

    public void Dispose() => _tool.Dispose();
}
