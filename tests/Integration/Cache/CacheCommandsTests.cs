using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Cache;

/// <summary>`sessions`, `clear` and the files on disk.</summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheCommandsTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    private string CacheDir => Path.Combine(_tool.CacheHome, "aws-session");

    [Fact]
    public async Task The_cache_directory_is_private_and_every_file_in_it_too()
    {
        (await _tool.RunAsync("pose", moto.Seed.Accounts[0].Id, "-t", "123456")).ExitCode.ShouldBe(0);

        File.GetUnixFileMode(CacheDir).ShouldBe((UnixFileMode)Convert.ToInt32("700", 8));
        var files = Directory.GetFiles(CacheDir);
        files.Length.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var f in files)
            File.GetUnixFileMode(f).ShouldBe((UnixFileMode)Convert.ToInt32("600", 8), f);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Sessions_lists_kind_identity_and_expiry_but_no_secret()
    {
        var exports = await _tool.RunAsync("pose", moto.Seed.Accounts[0].Id, "-t", "123456", "--shell", "json");
        exports.ExitCode.ShouldBe(0, exports.ToString());
        using var doc = System.Text.Json.JsonDocument.Parse(exports.Stdout);
        var secret = doc.RootElement.GetProperty("AWS_SECRET_ACCESS_KEY").GetString()!;
        var token = doc.RootElement.GetProperty("AWS_SESSION_TOKEN").GetString()!;
        var keyId = doc.RootElement.GetProperty("AWS_ACCESS_KEY_ID").GetString()!;

        var r = await _tool.RunAsync("sessions", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("\"kind\": \"mfa\"");
        r.Stdout.ShouldContain("\"kind\": \"role\"");
        r.Stdout.ShouldContain("OrganizationAccountAccessRole");
        r.Stdout.ShouldNotContain(secret);
        r.Stdout.ShouldNotContain(token);
        r.Stdout.ShouldNotContain(keyId);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Clear_forgets_every_session_so_the_next_run_needs_a_code()
    {
        (await _tool.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);
        (await _tool.RunAsync(["mfa"], stdin: "")).ExitCode.ShouldBe(0);

        var clear = await _tool.RunAsync("clear");

        clear.ExitCode.ShouldBe(0, clear.ToString());
        clear.Stdout.ShouldBeEmpty();
        var after = await _tool.RunAsync(["mfa"], stdin: "");
        after.ExitCode.ShouldBe(1, after.ToString());
        after.Stderr.ShouldContain("--mfa-token");
    }

    [Fact]
    public async Task Clear_with_a_profile_keeps_the_other_profiles_sessions()
    {
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        _tool.WriteAwsFiles(null, $"""
            [a]
            aws_access_key_id = {moto.Seed.AccessKeyId}
            aws_secret_access_key = {moto.Seed.SecretAccessKey}
            [b]
            aws_access_key_id = {moto.Seed.AccessKeyId}
            aws_secret_access_key = {moto.Seed.SecretAccessKey}
            """);
        (await _tool.RunAsync("--profile", "a", "-t", "123456")).ExitCode.ShouldBe(0);
        (await _tool.RunAsync("--profile", "b", "-t", "123456")).ExitCode.ShouldBe(0);

        (await _tool.RunAsync("clear", "--profile", "a")).ExitCode.ShouldBe(0);

        (await _tool.RunAsync(["--profile", "a"], stdin: "")).ExitCode.ShouldBe(1);
        (await _tool.RunAsync(["--profile", "b"], stdin: "")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Clear_of_a_profile_that_is_neither_configured_nor_cached_says_so_with_exit_2()
    {
        (await _tool.RunAsync("mfa", "-t", "123456")).ExitCode.ShouldBe(0);

        var r = await _tool.RunAsync("clear", "--profile", "nosuch");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stderr.ShouldContain("profile 'nosuch' not found in the AWS config or credentials file, and no cached session belongs to it");
        r.Stdout.ShouldBeEmpty();
        (await _tool.RunAsync(["mfa"], stdin: "")).ExitCode.ShouldBe(0); // nothing else was cleared
    }

    [Fact]
    public async Task Clear_of_a_profile_removed_from_the_config_still_forgets_its_sessions()
    {
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        _tool.WriteAwsFiles(null, $"""
            [gone]
            aws_access_key_id = {moto.Seed.AccessKeyId}
            aws_secret_access_key = {moto.Seed.SecretAccessKey}
            """);
        (await _tool.RunAsync("--profile", "gone", "-t", "123456")).ExitCode.ShouldBe(0);
        _tool.WriteAwsFiles(null, "");

        var r = await _tool.RunAsync("clear", "--profile", "gone");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldContain("removed 1 cached entry");
    }

    [Fact]
    public async Task Sessions_on_an_80_column_terminal_fit_with_arns_shortened_in_the_middle()
    {
        (await _tool.RunAsync("pose", moto.Seed.Accounts[0].Id, "-t", "123456")).ExitCode.ShouldBe(0);
        await using var terminal = await TmuxTerminal.StartAsync("aws-session sessions", _tool.Environment, width: 80);

        (await terminal.WaitForExitAsync()).ShouldBe(0);
        var screen = await terminal.ScreenAsync();

        var rows = screen.Split('\n').Where(l => l.StartsWith('│')).ToList();
        rows.Count.ShouldBe(3, screen); // the header and two sessions, each on one line: nothing wrapped
        rows.ShouldAllBe(l => l.TrimEnd().EndsWith('│') && l.TrimEnd().Length <= 80);
        screen.ShouldContain("…");
        screen.ShouldMatch(@"\d{4}-\d\d-\d\d \d\d:\d\dZ");
    }

    [Fact]
    public async Task Sessions_with_an_empty_cache_says_so_instead_of_an_empty_frame()
    {
        await using var terminal = await TmuxTerminal.StartAsync("aws-session sessions", _tool.Environment, width: 80);

        (await terminal.WaitForExitAsync()).ShouldBe(0);
        var screen = await terminal.WaitForTextAsync("aws-session: no cached sessions");
        screen.ShouldNotContain("╭");
        var piped = await _tool.RunAsync("sessions");
        piped.Stdout.Trim().ShouldBe("[]");
    }

    public void Dispose() => _tool.Dispose();
}
