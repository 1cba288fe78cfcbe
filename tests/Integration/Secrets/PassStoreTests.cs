using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Secrets;

/// <summary>The pass backend against the real pass and gpg, with a `pass` wrapper first on PATH that records its arguments.</summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PassStoreTests : IClassFixture<PassStoreHome>, IDisposable
{
    private readonly MotoServer _moto;
    private readonly PassStoreHome _pass;
    private readonly AwsSessionProcess _tool;
    private readonly string _argvLog;

    public PassStoreTests(MotoServer moto, PassStoreHome pass)
    {
        _moto = moto;
        _pass = pass;
        _tool = new AwsSessionProcess(moto.Url, moto.Seed);
        foreach (var (k, v) in pass.Environment)
            _tool.Set(k, v);
        _argvLog = Path.Combine(_tool.Home, "pass-argv.log");
        var wrapper = Path.Combine(_tool.BinDir, "pass");
        File.WriteAllText(wrapper, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{_argvLog}'\nexec /usr/bin/pass \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0b111_101_101);
    }

    [Fact]
    [Trait("Category", "Smoke")]
    public async Task Add_stores_the_key_through_pass_with_the_secret_on_stdin_never_in_arguments()
    {
        var r = await _tool.RunAsync("add", "stored", "--from-env", "--backend", "pass");

        r.ExitCode.ShouldBe(0, r.ToString());
        var show = await _pass.RunAsync("pass", "show", "aws-session/stored");
        show.ExitCode.ShouldBe(0, show.ToString());
        show.Stdout.ShouldContain(_moto.Seed.SecretAccessKey);
        var argv = await File.ReadAllTextAsync(_argvLog);
        argv.ShouldContain("insert --multiline --force aws-session/stored");
        argv.ShouldNotContain(_moto.Seed.SecretAccessKey);
        argv.ShouldNotContain(_moto.Seed.AccessKeyId);
        File.Exists(Path.Combine(_pass.StoreDir, "aws-session", "stored.gpg")).ShouldBeTrue();
    }

    [Fact]
    public async Task List_decrypts_each_entry_and_shows_only_masked_ids()
    {
        (await _tool.RunAsync("add", "listed", "--from-env", "--backend", "pass")).ExitCode.ShouldBe(0);

        var r = await _tool.RunAsync("list", "--backend", "pass", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("\"profile\": \"listed\"");
        r.Stdout.ShouldNotContain(_moto.Seed.AccessKeyId);
        r.Stdout.ShouldNotContain(_moto.Seed.SecretAccessKey);
    }

    [Fact]
    public async Task Remove_deletes_the_pass_entry()
    {
        (await _tool.RunAsync("add", "gone", "--from-env", "--backend", "pass")).ExitCode.ShouldBe(0);

        (await _tool.RunAsync("remove", "gone", "--backend", "pass")).ExitCode.ShouldBe(0);

        File.Exists(Path.Combine(_pass.StoreDir, "aws-session", "gone.gpg")).ShouldBeFalse();
        (await _tool.RunAsync("remove", "gone", "--backend", "pass")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_foreign_entry_is_reported_not_trusted()
    {
        var put = await ProcessRunner.RunAsync("bash", ["-c", "printf 'hunter2\\n' | pass insert --multiline --force aws-session/foreign"],
            Env(), timeout: TimeSpan.FromSeconds(60));
        put.ExitCode.ShouldBe(0, put.ToString());

        var r = await _tool.RunAsync("list", "--backend", "pass");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("not an aws-session key");
        r.Stderr.ShouldNotContain("hunter2");
        (await _pass.RunAsync("pass", "rm", "--force", "aws-session/foreign")).ExitCode.ShouldBe(0);
    }

    public void Dispose() => _tool.Dispose();

    private Dictionary<string, string> Env()
    {
        var env = ProcessRunner.CleanEnvironment();
        foreach (var (k, v) in _pass.Environment)
            env[k] = v;
        return env;
    }
}
