using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Secrets;

/// <summary>The secret-service backend against a real gnome-keyring-daemon on a private session bus.</summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretServiceTests(MotoServer moto, SecretServiceBus keyring) : IClassFixture<SecretServiceBus>, IDisposable
{
    private readonly AwsSessionProcess _tool = WithKeyring(new AwsSessionProcess(moto.Url, null), keyring);

    private static AwsSessionProcess WithKeyring(AwsSessionProcess tool, SecretServiceBus keyring)
    {
        foreach (var (k, v) in keyring.Environment)
            tool.Set(k, v);
        return tool;
    }

    private string CredentialsPath => Path.Combine(_tool.Home, ".aws", "credentials");

    private string Credentials(string profile) => $"""
        [{profile}]
        aws_access_key_id = {moto.Seed.AccessKeyId}
        aws_secret_access_key = {moto.Seed.SecretAccessKey}
        region = eu-west-1

        [other]
        aws_access_key_id = AKIAOTHER00000000000
        aws_secret_access_key = other-secret-other-secret-other-secret00

        """;

    [Fact]
    public async Task Import_with_remove_plaintext_moves_the_key_into_the_keyring_and_only_its_lines_out_of_the_file()
    {
        _tool.WriteAwsFiles(null, Credentials("import"));

        var r = await _tool.RunAsync("add", "import", "--from-credentials-file", "--remove-plaintext", "--backend", "secret-service");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldNotContain(moto.Seed.SecretAccessKey);
        r.Stderr.ShouldNotContain(moto.Seed.AccessKeyId);
        var stored = await keyring.RunAsync("secret-tool", "lookup", "service", "aws-session", "profile", "import");
        stored.ExitCode.ShouldBe(0, stored.ToString());
        stored.Stdout.ShouldContain(moto.Seed.AccessKeyId);
        stored.Stdout.ShouldContain(moto.Seed.SecretAccessKey);
        var left = await File.ReadAllTextAsync(CredentialsPath);
        left.ShouldNotContain(moto.Seed.AccessKeyId);
        left.ShouldNotContain(moto.Seed.SecretAccessKey);
        left.ShouldContain("[import]");
        left.ShouldContain("region = eu-west-1");
        left.ShouldContain("AKIAOTHER00000000000");
        File.Exists(CredentialsPath + ".aws-session-backup").ShouldBeFalse("the backup goes once GetCallerIdentity accepted the stored key");
        (await File.ReadAllTextAsync(Path.Combine(_tool.Home, ".aws", "config"))).ShouldContain("aws_session_backend = secret-service");
    }

    [Fact]
    public async Task Entries_carry_a_label_naming_aws_session_and_the_profile()
    {
        var r = await AddFromEnvAsync("labelled");
        r.ExitCode.ShouldBe(0, r.ToString());

        var search = await keyring.RunAsync("secret-tool", "search", "--all", "service", "aws-session", "profile", "labelled");
        search.Stdout.ShouldContain("label = aws-session: AWS keys of profile labelled");
    }

    [Fact]
    public async Task List_shows_the_masked_key_id_backend_and_age_and_never_the_secret()
    {
        (await AddFromEnvAsync("listed")).ExitCode.ShouldBe(0);

        var r = await _tool.RunAsync("list", "--backend", "secret-service", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("\"profile\": \"listed\"");
        r.Stdout.ShouldContain("\"backend\": \"secret-service\"");
        r.Stdout.ShouldContain(moto.Seed.AccessKeyId[..4] + "************" + moto.Seed.AccessKeyId[^4..]);
        r.Stdout.ShouldContain("\"age\": \"0m\"");
        r.Stdout.ShouldNotContain(moto.Seed.AccessKeyId);
        r.Stdout.ShouldNotContain(moto.Seed.SecretAccessKey);
    }

    [Fact]
    public async Task Remove_deletes_the_entry_from_the_keyring()
    {
        (await AddFromEnvAsync("removed")).ExitCode.ShouldBe(0);

        var r = await _tool.RunAsync("remove", "removed", "--backend", "secret-service");

        r.ExitCode.ShouldBe(0, r.ToString());
        (await keyring.RunAsync("secret-tool", "lookup", "service", "aws-session", "profile", "removed")).ExitCode.ShouldNotBe(0);
        (await _tool.RunAsync("remove", "removed", "--backend", "secret-service")).ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_foreign_entry_under_aws_sessions_attributes_is_reported_not_trusted()
    {
        var put = await ProcessRunner.RunAsync("bash", ["-c", "printf 'not a key' | secret-tool store --label=foreign service aws-session profile foreign"],
            ToolEnv(), timeout: TimeSpan.FromSeconds(30));
        put.ExitCode.ShouldBe(0, put.ToString());

        var r = await _tool.RunAsync("list", "--backend", "secret-service");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("not an aws-session key");
        r.Stderr.ShouldContain("aws-session remove foreign");
        (await _tool.RunAsync("remove", "foreign", "--backend", "secret-service")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task A_locked_keyring_is_unlocked_through_the_services_own_prompt_and_a_dismissed_prompt_is_one_clear_line()
    {
        await using var own = new OwnKeyring();
        await own.Bus.InitializeAsync();
        var tool = WithKeyring(new AwsSessionProcess(moto.Url, moto.Seed), own.Bus);
        using var _ = tool;
        (await tool.RunAsync("add", "locked", "--from-env", "--backend", "secret-service")).ExitCode.ShouldBe(0);
        await own.Bus.LockAsync();

        // No display here: gnome-keyring's prompter cannot show, so the service reports the prompt as dismissed.
        var r = await tool.RunAsync("list", "--backend", "secret-service");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("prompt was dismissed");
    }

    public void Dispose() => _tool.Dispose();

    private Task<ProcessResult> AddFromEnvAsync(string profile)
    {
        _tool.Set("AWS_ACCESS_KEY_ID", moto.Seed.AccessKeyId).Set("AWS_SECRET_ACCESS_KEY", moto.Seed.SecretAccessKey);
        try
        {
            return _tool.RunAsync("add", profile, "--from-env", "--backend", "secret-service");
        }
        finally
        {
            _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        }
    }

    private Dictionary<string, string> ToolEnv()
    {
        var env = ProcessRunner.CleanEnvironment();
        foreach (var (k, v) in keyring.Environment)
            env[k] = v;
        return env;
    }

    private sealed class OwnKeyring : IAsyncDisposable
    {
        public SecretServiceBus Bus { get; } = new();

        public async ValueTask DisposeAsync() => await Bus.DisposeAsync();
    }
}
