using AwsSession.Tests.Unit.Fakes;
using System.Text;
using AwsSession.Cache;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Cache;

/// <summary>The cache directory may be shared with other files: only what is provably ours is touched or trusted.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class CacheDirectoryTests : IDisposable
{
    private const string K1 = "mfa-00000000000000000000000000000001";
    private const string K2 = "role-00000000000000000000000000000002";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();

    private string Dir => _dir.Sub("c");

    private SessionCache Cache() => new(new CacheStore(Dir, _status), TimeProvider.System, _status);

    private static Session Mfa() =>
        new(new AwsCredentials("ASIAEXAMPLE", "secret", "token", DateTimeOffset.UtcNow.AddHours(1)), SessionKind.Mfa, SessionIdentity.Mfa("arn:aws:iam::1:mfa/a"), "a");

    [Fact]
    public void Clear_removes_only_files_it_can_prove_are_its_own()
    {
        Cache().Put(K1, Mfa(), "default");
        File.WriteAllText(Path.Combine(Dir, "package.json"), "{\"name\":\"mine\"}");
        File.WriteAllText(Path.Combine(Dir, "settings.json"), "{}");
        File.WriteAllText(Path.Combine(Dir, K2 + ".json"), "{\"not\":\"an entry\"}");
        File.WriteAllText(Path.Combine(Dir, "notes.lock"), "");

        Cache().Clear(null).ShouldBe(1);

        Directory.GetFiles(Dir).Select(Path.GetFileName).Order().ShouldBe(["notes.lock", "package.json", K2 + ".json", "settings.json"]);
    }

    [Fact]
    public async Task Clear_also_removes_locks_failure_records_and_temporary_files_of_dead_writers_but_not_a_held_lock()
    {
        var cache = Cache();
        cache.Put(K1, Mfa(), "default");
        await Should.ThrowAsync<AwsSessionException>(() => cache.Flight.RunAsync<Session>(K1, "x", () => null, () => throw new AwsSessionException("no"), _ => { }, default));
        File.WriteAllText(Path.Combine(Dir, $".{K1}.json.{int.MaxValue}.{Guid.NewGuid():N}.tmp"), "{");
        using var held = await CacheLock.AcquireAsync(new CacheStore(Dir, _status), K2, "x", TimeProvider.System, _status, default);

        Cache().Clear(null);

        Directory.GetFiles(Dir).Select(Path.GetFileName).ShouldBe([K2 + ".lock"]);
    }

    [Fact]
    public void A_temporary_file_left_by_a_killed_writer_is_removed_by_the_next_write()
    {
        var store = new CacheStore(Dir, _status);
        store.Write(K1 + ".json", "{}"u8);
        var orphan = Path.Combine(Dir, $".{K1}.json.{int.MaxValue}.{Guid.NewGuid():N}.tmp");
        var live = Path.Combine(Dir, $".{K1}.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(orphan, "{");
        File.WriteAllText(live, "{");

        store.Write(K1 + ".json", "{}"u8);

        File.Exists(orphan).ShouldBeFalse();
        File.Exists(live).ShouldBeTrue();
    }

    [Fact]
    public void Delete_refuses_a_name_that_is_not_a_cache_file()
    {
        Should.Throw<ArgumentException>(() => new CacheStore(Dir, _status).Delete("package.json"));
    }

    [Fact]
    public async Task A_fifo_under_a_cache_name_is_ignored_with_a_warning_instead_of_blocking()
    {
        Directory.CreateDirectory(Dir);
        CacheLockTests.MkFifo(Path.Combine(Dir, K1 + ".json"));

        var hit = await Task.Run(() => Cache().TryGet(K1, TimeSpan.Zero)).WaitAsync(Bound);
        var listed = await Task.Run(() => Cache().List()).WaitAsync(Bound);
        var removed = await Task.Run(() => Cache().Clear(null)).WaitAsync(Bound);

        hit.ShouldBeNull();
        listed.ShouldBeEmpty();
        removed.ShouldBe(0);
        _status.Warnings.ShouldAllBe(w => w.Contains("a FIFO, not a regular file"));
    }

    [Theory]
    [InlineData("1777")]
    [InlineData("770")]
    [InlineData("702")]
    public void A_directory_others_can_write_is_refused_on_every_read_with_one_warning_and_its_mode_kept(string mode)
    {
        Cache().Put(K1, Mfa(), "default");
        File.SetUnixFileMode(Dir, (UnixFileMode)Convert.ToInt32(mode, 8));

        var cache = Cache();
        cache.TryGet(K1, TimeSpan.Zero).ShouldBeNull();
        cache.TryGet(K1, TimeSpan.Zero).ShouldBeNull();
        cache.Put(K1, Mfa(), "default");

        _status.Warnings.ShouldHaveSingleItem().ShouldContain($"others can write to it (mode {mode})");
        File.GetUnixFileMode(Dir).ShouldBe((UnixFileMode)Convert.ToInt32(mode, 8));
    }

    [Fact]
    public void A_relative_cache_directory_is_a_usage_error()
    {
        var e = Should.Throw<UsageException>(() => CacheLocation.Resolve(Tests.Unit.Fakes.Env.Of(("AWS_SESSION_CACHE_DIR", "cache"), ("HOME", "/home/a"))));
        e.Message.ShouldContain("absolute");
        CacheLocation.Resolve(Tests.Unit.Fakes.Env.Of(("AWS_SESSION_CACHE_DIR", "/var/c"))).ShouldBe("/var/c");
    }

    public void Dispose() => _dir.Dispose();
}
