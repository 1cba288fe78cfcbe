using System.Text;
using AwsSession.Cache;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Cache;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheStoreTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();

    private CacheStore Store(string name = "cache") => new(_dir.Sub(name), _status);

    [Fact]
    public void Writes_create_a_private_directory_and_private_files()
    {
        var store = Store();

        store.Write("a.json", "{}"u8).ShouldBeTrue();

        File.GetUnixFileMode(store.Directory).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(store.PathOf("a.json")).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void An_existing_directory_that_others_can_only_read_is_used_and_left_as_it_is()
    {
        Directory.CreateDirectory(_dir.Sub("cache"));
        File.SetUnixFileMode(_dir.Sub("cache"), (UnixFileMode)Convert.ToInt32("755", 8));

        Store().Write("a.json", "{}"u8).ShouldBeTrue();

        File.GetUnixFileMode(_dir.Sub("cache")).ShouldBe((UnixFileMode)Convert.ToInt32("755", 8));
        _status.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_write_replaces_the_file_atomically_and_leaves_no_temporary_files()
    {
        var store = Store();
        store.Write("a.json", "old"u8);

        store.Write("a.json", "new"u8);

        Encoding.UTF8.GetString(store.Read("a.json")!).ShouldBe("new");
        Directory.GetFiles(store.Directory).Select(Path.GetFileName).ShouldBe(["a.json"]);
    }

    [Fact]
    public void A_file_others_can_read_is_ignored_with_a_warning()
    {
        var store = Store();
        store.Write("a.json", "{}"u8);
        File.SetUnixFileMode(store.PathOf("a.json"), (UnixFileMode)Convert.ToInt32("644", 8));

        store.Read("a.json").ShouldBeNull();

        _status.Warnings.ShouldHaveSingleItem().ShouldContain("others can access it");
    }

    [Fact]
    public void A_file_owned_by_another_user_is_never_trusted()
    {
        CacheStore store;
        string name;
        if (AwsSession.Platform.UnixFiles.EffectiveUserId == 0)
        {
            // As root (CI): make a private file and give it away.
            store = Store();
            store.Write("a.json", "{}"u8);
            Chown(store.PathOf("a.json"), "nobody");
            name = "a.json";
        }
        else
        {
            // As a user: any root-owned file will do.
            store = new CacheStore("/etc", _status);
            name = "hostname";
        }

        store.Read(name).ShouldBeNull();

        _status.Warnings.ShouldHaveSingleItem().ShouldContain("another user");
    }

    [Fact]
    public void A_missing_file_is_a_quiet_miss()
    {
        Store().Read("nothing.json").ShouldBeNull();
        _status.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void An_unwritable_cache_location_means_no_cache_and_one_warning()
    {
        // A regular file where the directory should be: even root cannot create the directory (ENOTDIR).
        File.WriteAllText(_dir.Sub("blocker"), "");
        var store = new CacheStore(Path.Combine(_dir.Sub("blocker"), "aws-session"), _status);

        store.Write("a.json", "{}"u8).ShouldBeFalse();
        store.Write("b.json", "{}"u8).ShouldBeFalse();

        _status.Warnings.ShouldHaveSingleItem().ShouldContain("working without the cache");
    }

    internal static void Chown(string path, string user)
    {
        using var p = System.Diagnostics.Process.Start("chown", [user, path]);
        p.WaitForExit();
        p.ExitCode.ShouldBe(0);
    }

    public void Dispose() => _dir.Dispose();
}
