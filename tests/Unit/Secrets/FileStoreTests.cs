using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileStoreTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("aws-session-file-").FullName, "keys");
    private static readonly StoredKey Key = new("work", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", DateTimeOffset.Parse("2026-01-02T03:04:05Z"));

    private FileStore Store(string passphrase) => new(_dir, new Fixed(passphrase));

    [Fact]
    public async Task A_key_comes_back_with_the_same_passphrase()
    {
        await Store("one").SetAsync(Key, CancellationToken.None);

        (await Store("one").GetAsync("work", CancellationToken.None)).ShouldBe(Key);
        (await Store("one").ListAsync(CancellationToken.None)).Single().ShouldBe(new StoredKeyInfo("work", Key.AccessKeyId, Key.Created, "file"));
    }

    [Fact]
    public async Task A_wrong_passphrase_reads_nothing_and_writes_nothing()
    {
        await Store("one").SetAsync(Key, CancellationToken.None);
        var before = File.ReadAllBytes(Path.Combine(_dir, "work.key.json"));

        var read = await Should.ThrowAsync<AwsSessionException>(() => Store("two").GetAsync("work", CancellationToken.None));
        var write = await Should.ThrowAsync<AwsSessionException>(() => Store("two").SetAsync(Key with { Profile = "other" }, CancellationToken.None));

        read.Message.ShouldContain("wrong passphrase");
        write.Message.ShouldContain("wrong passphrase");
        File.ReadAllBytes(Path.Combine(_dir, "work.key.json")).ShouldBe(before);
        File.Exists(Path.Combine(_dir, "other.key.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task An_edited_header_fails_like_a_wrong_passphrase()
    {
        await Store("one").SetAsync(Key, CancellationToken.None);
        var path = Path.Combine(_dir, "work.key.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace(Key.AccessKeyId, "AKIAEDITEDEDITED0000"));

        (await Should.ThrowAsync<AwsSessionException>(() => Store("one").GetAsync("work", CancellationToken.None))).Message.ShouldContain("altered");
    }

    [Fact]
    public async Task A_file_that_is_not_ours_is_reported()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "work.key.json"), "{\"hello\": 1}");

        (await Should.ThrowAsync<AwsSessionException>(() => Store("one").GetAsync("work", CancellationToken.None))).Message.ShouldContain("not an aws-session key file");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);

    private sealed class Fixed(string passphrase) : IPassphrase
    {
        public string Get(bool confirm) => passphrase;
    }
}
