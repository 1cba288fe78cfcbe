using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Secrets;

/// <summary>The file backend through the built binary: modes on disk, the passphrase from the environment, wrong passphrases.</summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileStoreTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new AwsSessionProcess(moto.Url, moto.Seed).Set("AWS_SESSION_FILE_PASSPHRASE", "correct horse");

    private string Dir => Path.Combine(_tool.Home, ".local", "share", "aws-session", "keys");

    [Fact]
    public async Task A_stored_key_is_one_0600_file_in_a_0700_directory_without_the_secret_in_clear()
    {
        var r = await _tool.RunAsync("add", "filed", "--from-env", "--backend", "file");

        r.ExitCode.ShouldBe(0, r.ToString());
        var path = Path.Combine(Dir, "filed.key.json");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Dir).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        (await File.ReadAllTextAsync(path)).ShouldNotContain(moto.Seed.SecretAccessKey);
    }

    [Fact]
    [Trait("Category", "Smoke")]
    public async Task A_wrong_passphrase_is_a_clear_error_and_overwrites_nothing()
    {
        (await _tool.RunAsync("add", "first", "--from-env", "--backend", "file")).ExitCode.ShouldBe(0);
        var before = await File.ReadAllBytesAsync(Path.Combine(Dir, "first.key.json"));
        _tool.Set("AWS_SESSION_FILE_PASSPHRASE", "wrong horse").Set("AWS_ACCESS_KEY_ID", "AKIAREPLACEMENT00000");

        var again = await _tool.RunAsync("add", "first", "--from-env", "--backend", "file");
        var other = await _tool.RunAsync("add", "second", "--from-env", "--backend", "file");

        again.ExitCode.ShouldBe(1, again.ToString());
        again.StderrLines.Count.ShouldBe(1, again.ToString());
        again.Stderr.ShouldContain("wrong passphrase");
        other.ExitCode.ShouldBe(1, other.ToString());
        (await File.ReadAllBytesAsync(Path.Combine(Dir, "first.key.json"))).ShouldBe(before);
        File.Exists(Path.Combine(Dir, "second.key.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_passphrase_or_a_terminal_the_store_says_how_to_give_one()
    {
        _tool.Unset("AWS_SESSION_FILE_PASSPHRASE");

        var r = await _tool.RunAsync(["add", "nopass", "--from-env", "--backend", "file"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("AWS_SESSION_FILE_PASSPHRASE");
    }

    public void Dispose() => _tool.Dispose();
}
