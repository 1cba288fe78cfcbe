using AwsSession.Application;
using AwsSession.Aws;
using AwsSession.Domain;
using AwsSession.Secrets;
using AwsSession.Tests.Unit.Fakes;
using AwsSession.Tests.Unit.Secrets;

namespace AwsSession.Tests.Unit.Application;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeyServiceTests
{
    private const string Id = "AKIAIOSFODNN7EXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static string Credentials => $"[default]\naws_access_key_id = {Id}\naws_secret_access_key = {Secret}\nregion = eu-west-1\n\n[other]\naws_access_key_id = AKIAOTHER00000000000\n";

    [Fact]
    public async Task Import_with_remove_plaintext_deletes_the_two_lines_and_the_backup_once_verified()
    {
        var sts = new FakeSts();
        using var world = new KeyWorld(sts);
        world.WriteCredentials(Credentials);

        await new KeyService(world.Context).AddAsync("default", KeyOrigin.CredentialsFile, "pass", removePlaintext: true, CancellationToken.None);

        ((MemoryStore)world.Stores["pass"]).Keys["default"].SecretAccessKey.ShouldBe(Secret);
        var left = File.ReadAllText(world.CredentialsPath);
        left.ShouldBe("[default]\nregion = eu-west-1\n\n[other]\naws_access_key_id = AKIAOTHER00000000000\n");
        sts.CallerIdentityCalls.ShouldBe(1);
        File.Exists(world.CredentialsPath + ".aws-session-backup").ShouldBeFalse();
        File.ReadAllText(world.ConfigPath).ShouldContain("aws_session_backend = pass");
        world.Status.Lines.ShouldAllBe(l => !l.Contains(Secret) && !l.Contains(Id));
    }

    [Fact]
    public async Task The_verification_trusts_the_profiles_ca_bundle()
    {
        using var world = new KeyWorld();
        world.WriteCredentials(Credentials);
        Directory.CreateDirectory(Path.GetDirectoryName(world.ConfigPath)!);
        File.WriteAllText(world.ConfigPath, "[default]\nca_bundle = /etc/proxy.pem\n");

        await new KeyService(world.Context).AddAsync("default", KeyOrigin.CredentialsFile, "pass", removePlaintext: true, CancellationToken.None);

        world.Bundles.ShouldBe([new AwsSession.Config.CaBundle("/etc/proxy.pem", "profile 'default': ca_bundle")]);
    }

    [Fact]
    public async Task A_failed_verification_keeps_the_0600_backup_and_says_where_it_is()
    {
        using var world = new KeyWorld(new FakeSts { CallerIdentityFailure = new AwsSessionException("STS GetCallerIdentity failed: InvalidClientTokenId") });
        world.WriteCredentials(Credentials);

        var e = await Should.ThrowAsync<AwsSessionException>(() =>
            new KeyService(world.Context).AddAsync("default", KeyOrigin.CredentialsFile, "pass", removePlaintext: true, CancellationToken.None));

        var backup = world.CredentialsPath + ".aws-session-backup";
        e.Message.ShouldContain(backup);
        File.ReadAllText(backup).ShouldBe(Credentials);
        File.GetUnixFileMode(backup).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        e.Line.ShouldNotContain(Secret);
    }

    [Fact]
    public async Task The_terminal_prompt_asks_the_secret_without_echo()
    {
        var prompt = new ScriptedSecretPrompt(true, Id, Secret);
        using var world = new KeyWorld(prompt: prompt);

        await new KeyService(world.Context).AddAsync("work", KeyOrigin.Prompt, "file", removePlaintext: false, CancellationToken.None);

        prompt.Asked.Select(a => a.Secret).ShouldBe([false, true]);
        ((MemoryStore)world.Stores["file"]).Keys["work"].AccessKeyId.ShouldBe(Id);
    }

    [Fact]
    public async Task Remove_plaintext_without_the_credentials_file_import_is_a_usage_error()
    {
        using var world = new KeyWorld(env: [("AWS_ACCESS_KEY_ID", Id), ("AWS_SECRET_ACCESS_KEY", Secret)]);

        await Should.ThrowAsync<UsageException>(() =>
            new KeyService(world.Context).AddAsync("work", KeyOrigin.Environment, "file", removePlaintext: true, CancellationToken.None));
    }

    [Theory]
    [InlineData("ASIAIOSFODNN7EXAMPLE", "temporary key")]
    [InlineData("not-a-key", "is not an access key id")]
    public async Task Session_keys_and_malformed_ids_are_refused_without_echoing_them(string id, string message)
    {
        using var world = new KeyWorld(env: [("AWS_ACCESS_KEY_ID", id), ("AWS_SECRET_ACCESS_KEY", Secret)]);

        var e = await Should.ThrowAsync<AwsSessionException>(() =>
            new KeyService(world.Context).AddAsync("work", KeyOrigin.Environment, "file", removePlaintext: false, CancellationToken.None));

        e.Message.ShouldContain(message);
        e.Line.ShouldNotContain(Secret);
        world.Stores.ShouldBeEmpty();
    }
}
