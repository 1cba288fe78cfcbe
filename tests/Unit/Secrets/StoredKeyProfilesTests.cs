using AwsSession.Config;
using AwsSession.Secrets;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class StoredKeyProfilesTests
{
    private static readonly StoredKey Stored = new("work", "AKIASTOREDSTORED0001", "stored-secret-stored-secret-stored-secr", DateTimeOffset.UnixEpoch);

    private static (StoredKeyProfiles Profiles, MemoryStore Store) Build(KeyWorld world, params ProfileSettings[] files)
    {
        var store = new MemoryStore("pass");
        store.Keys[Stored.Profile] = Stored;
        return (new StoredKeyProfiles(new FakeProfiles(files), world.Context.Backends, _ => store), store);
    }

    [Fact]
    public void A_profile_whose_backend_is_a_store_gets_the_stores_key_over_the_credentials_files()
    {
        using var world = new KeyWorld(env: ("AWS_SESSION_BACKEND", "pass"));
        var (profiles, _) = Build(world, new ProfileSettings("work") { AccessKeyId = "AKIAFILEFILEFILEFILE", SecretAccessKey = "file", Region = "eu-west-1" });

        var work = profiles.Find("work")!;

        work.AccessKeyId.ShouldBe(Stored.AccessKeyId);
        work.SecretAccessKey.ShouldBe(Stored.SecretAccessKey);
        work.Region.ShouldBe("eu-west-1");
    }

    [Fact]
    public void A_profile_that_exists_only_in_the_store_is_found()
    {
        using var world = new KeyWorld(env: ("AWS_SESSION_BACKEND", "pass"));

        Build(world).Profiles.Find("work")!.AccessKeyId.ShouldBe(Stored.AccessKeyId);
    }

    [Fact]
    public void Without_a_configured_store_or_for_a_role_profile_the_files_answer_alone()
    {
        using var plain = new KeyWorld();
        using var stored = new KeyWorld(env: ("AWS_SESSION_BACKEND", "pass"));
        var file = new ProfileSettings("work") { AccessKeyId = "AKIAFILEFILEFILEFILE", SecretAccessKey = "file" };
        var role = new ProfileSettings("work") { RoleArn = "arn:aws:iam::123456789012:role/x", SourceProfile = "base" };

        Build(plain, file).Profiles.Find("work").ShouldBe(file);
        Build(stored, role).Profiles.Find("work").ShouldBe(role);
    }
}
