using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Secrets;

/// <summary>
/// `rotate` against moto's IAM behind a FaultProxy, a fault at each step. Each test rotates the keys of an IAM user of
/// its own (made with the aws CLI), stored in the file backend, so the shared seed user keeps its key.
/// </summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RotateTests(MotoServer moto) : ProxiedToolTests(moto, seedKeys: false)
{
    private const string Passphrase = "rotation passphrase";

    private async Task<(string User, string KeyId)> AddUserAsync(string profile = "default", string backend = "file")
    {
        var user = "rot-" + Guid.NewGuid().ToString("N")[..10];
        var env = ProcessRunner.CleanEnvironment();
        env["AWS_ACCESS_KEY_ID"] = Moto.Seed.AccessKeyId;
        env["AWS_SECRET_ACCESS_KEY"] = Moto.Seed.SecretAccessKey;
        env["AWS_ENDPOINT_URL"] = Moto.Url;
        env["AWS_DEFAULT_REGION"] = "us-east-1";
        env["HOME"] = Tool.Home;
        var made = await ProcessRunner.RunAsync("bash", ["-c", $"aws iam create-user --user-name {user} >/dev/null && aws iam create-access-key --user-name {user} --output json"],
            env, timeout: TimeSpan.FromSeconds(60));
        made.ExitCode.ShouldBe(0, made.ToString());
        using var doc = JsonDocument.Parse(made.Stdout);
        var key = doc.RootElement.GetProperty("AccessKey");
        var id = key.GetProperty("AccessKeyId").GetString()!;
        Tool.WriteAwsFiles($"[default]\nmfa_serial = arn:aws:iam::123456789012:mfa/{user}\n",
            $"[{profile}]\naws_access_key_id = {id}\naws_secret_access_key = {key.GetProperty("SecretAccessKey").GetString()}\n");
        Tool.Set("AWS_SESSION_FILE_PASSPHRASE", Passphrase);
        var add = await Tool.RunAsync("add", profile, "--from-credentials-file", "--remove-plaintext", "--backend", backend);
        add.ExitCode.ShouldBe(0, add.ToString());
        return (user, id);
    }

    private async Task<List<string>> KeysInIamAsync(string user)
    {
        var env = ProcessRunner.CleanEnvironment();
        env["AWS_ACCESS_KEY_ID"] = Moto.Seed.AccessKeyId;
        env["AWS_SECRET_ACCESS_KEY"] = Moto.Seed.SecretAccessKey;
        env["AWS_ENDPOINT_URL"] = Moto.Url;
        env["AWS_DEFAULT_REGION"] = "us-east-1";
        var r = await ProcessRunner.RunAsync("aws", ["iam", "list-access-keys", "--user-name", user, "--output", "json"], env, timeout: TimeSpan.FromSeconds(60));
        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("AccessKeyMetadata").EnumerateArray().Select(k => k.GetProperty("AccessKeyId").GetString()!).ToList();
    }

    private string StoredKeyId()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Tool.Home, ".local", "share", "aws-session", "keys", "default.key.json")));
        return doc.RootElement.GetProperty("aws_access_key_id").GetString()!;
    }

    private static string Masked(string id) => id[..4] + new string('*', id.Length - 8) + id[^4..];

    [Fact]
    [Trait("Category", "Smoke")]
    public async Task Rotation_reuses_the_cached_mfa_session_stores_a_working_new_key_and_deletes_the_old()
    {
        var (user, old) = await AddUserAsync();
        (await Tool.RunAsync("-t", "123456", "--shell", "json")).ExitCode.ShouldBe(0);
        var codes = Proxy.Calls("GetSessionToken");

        var r = await Tool.RunAsync("rotate", "default");

        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(codes, "the cached MFA session serves the rotation: no second code");
        var stored = StoredKeyId();
        stored.ShouldNotBe(old);
        (await KeysInIamAsync(user)).ShouldBe([stored]);
        r.Stderr.ShouldContain($"rotated profile 'default': {Masked(old)} deleted, {Masked(stored)} stored");
        var after = await Tool.RunAsync("-t", "123456", "--shell", "json");
        after.ExitCode.ShouldBe(0, after.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(codes + 1, "sessions of the old key were dropped: the new key makes its own");
        r.Stderr.ShouldNotContain(stored);
    }

    [Fact]
    public async Task A_failed_create_is_not_retried_and_leaves_the_old_key_stored()
    {
        var (user, old) = await AddUserAsync();
        Proxy.Inject("CreateAccessKey", Fault.ServerError());

        var r = await Tool.RunAsync("rotate", "default", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        Proxy.Calls("CreateAccessKey").ShouldBe(1);
        StoredKeyId().ShouldBe(old);
        (await KeysInIamAsync(user)).ShouldBe([old]);
        r.Stderr.ShouldContain($"Stored for profile 'default': {Masked(old)}; keys of {user} in IAM: {Masked(old)} (Active)");
    }

    [Fact]
    public async Task A_store_that_cannot_be_written_keeps_the_old_key_and_the_new_one_is_deleted_again()
    {
        var db = Path.Combine(Tool.Home, "keychain.json");
        Tool.Set("AWS_SESSION_KEYCHAIN_TOOL", Path.Combine(Repo.Root, "tests", "Integration", "Secrets", "StandIns", "security"))
            .Set("SECURITY_STANDIN_DB", db).Set("SECURITY_STANDIN_ARGV", Path.Combine(Tool.Home, "argv.log"));
        var (user, old) = await AddUserAsync(backend: "keychain");
        Tool.Set("SECURITY_STANDIN_FAIL_ADD", "1");

        var r = await Tool.RunAsync("rotate", "default", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("storing the new key failed");
        r.Stderr.ShouldContain("was deleted again");
        r.Stderr.ShouldContain($"Stored for profile 'default': {Masked(old)}; keys of {user} in IAM: {Masked(old)} (Active)");
        File.ReadAllText(db).ShouldContain(old);
        (await KeysInIamAsync(user)).ShouldBe([old]);
    }

    [Fact]
    public async Task A_new_key_sts_never_accepts_is_deleted_and_the_old_key_stays_stored()
    {
        var (user, old) = await AddUserAsync();
        Proxy.RejectNewKeys("GetCallerIdentity", old);

        var r = await Tool.RunAsync("rotate", "default", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines[^1].ShouldStartWith("aws-session: rotate: STS did not accept the new key", Case.Sensitive, r.ToString());
        StoredKeyId().ShouldBe(old);
        (await KeysInIamAsync(user)).ShouldBe([old]);
        (await Tool.RunAsync("-t", "123456", "--shell", "json")).ExitCode.ShouldBe(0, "the old key still works from the store");
    }

    [Fact]
    public async Task A_failed_delete_of_the_old_key_keeps_the_new_key_stored_and_names_both()
    {
        var (user, old) = await AddUserAsync();
        Proxy.Inject("DeleteAccessKey", Fault.ServerError(Fault.Forever));

        var r = await Tool.RunAsync("rotate", "default", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        var stored = StoredKeyId();
        stored.ShouldNotBe(old);
        (await KeysInIamAsync(user)).Order().ShouldBe(new[] { old, stored }.Order());
        r.Stderr.ShouldContain($"DeleteAccessKey of the old key {Masked(old)} failed");
        r.Stderr.ShouldContain($"Stored for profile 'default': {Masked(stored)}");
        (await Tool.RunAsync("-t", "123456", "--shell", "json", "--no-cache")).ExitCode.ShouldBe(0, "the stored new key works");
    }
}
