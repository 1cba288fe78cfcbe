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

        [other] # a header's comment ends the section above it too
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
    [Trait("Category", "Smoke")]
    public async Task After_import_with_remove_plaintext_every_mode_works_from_the_keyring_with_no_key_in_the_file()
    {
        _tool.WriteAwsFiles("[default]\nregion = us-east-1\n", Credentials("default"));
        (await _tool.RunAsync("add", "default", "--from-credentials-file", "--remove-plaintext")).ExitCode.ShouldBe(0);
        var account = moto.Seed.Accounts[0];

        var exports = await _tool.ShellAsync("eval \"$(aws-session -t 123456)\" && aws sts get-caller-identity --query Arn --output text");
        var exec = await _tool.RunAsync("exec", "pose", account.Id, "-t", "123456", "--no-cache", "--", "aws", "sts", "get-caller-identity", "--query", "Arn", "--output", "text");
        var process = await _tool.RunAsync("credential-process", "pose", account.Name, "-t", "123456", "--no-cache");
        var debug = await _tool.RunAsync("whoami", "--debug", "-t", "123456");

        exports.ExitCode.ShouldBe(0, exports.ToString());
        exports.Stdout.ShouldStartWith("arn:aws:");
        exec.ExitCode.ShouldBe(0, exec.ToString());
        exec.Stdout.ShouldContain(account.Id);
        process.ExitCode.ShouldBe(0, process.ToString());
        process.Stdout.ShouldContain("\"SessionToken\"");
        debug.Stderr.ShouldNotContain(moto.Seed.SecretAccessKey);
        var left = await File.ReadAllTextAsync(CredentialsPath);
        left.ShouldNotContain(moto.Seed.AccessKeyId);
        left.ShouldNotContain(moto.Seed.SecretAccessKey);
    }

    [Fact]
    public async Task Environment_keys_beat_the_stores_entry_which_beats_the_credentials_file()
    {
        (await AddFromEnvAsync("ranked")).ExitCode.ShouldBe(0);
        _tool.WriteAwsFiles(null, "[ranked]\naws_access_key_id = AKIAFILEFILEFILEFILE\naws_secret_access_key = file-secret-file-secret-file-secret-0000\n");
        var stored = moto.Seed.AccessKeyId[..4] + "************" + moto.Seed.AccessKeyId[^4..];

        var fromStore = await _tool.RunAsync("--profile", "ranked", "-t", "123456", "--debug", "--no-cache");
        _tool.Set("AWS_ACCESS_KEY_ID", "AKIAENVENVENVENVENV1").Set("AWS_SECRET_ACCESS_KEY", "env-secret-env-secret-env-secret-env-sec").Set("AWS_PROFILE", "ranked");
        var fromEnv = await _tool.RunAsync("-t", "123456", "--debug", "--no-cache");

        fromStore.Stderr.ShouldContain($"({stored})");
        fromEnv.Stderr.ShouldContain("base credentials from environment (AKIA************ENV1)");
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
