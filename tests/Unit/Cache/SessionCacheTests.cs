using AwsSession.Cache;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Cache;

public sealed class SessionCacheTests : IDisposable
{
    private const string K1 = "mfa-00000000000000000000000000000001";
    private const string K2 = "mfa-00000000000000000000000000000002";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly SessionCache _cache;

    public SessionCacheTests() => _cache = new SessionCache(new CacheStore(_dir.Sub("c"), _status), _time, _status);

    private static Session Mfa(TimeSpan left) =>
        new(new AwsCredentials("ASIAEXAMPLE", "secret/key", "token", Now + left), SessionKind.Mfa, SessionIdentity.Parse("mfa:arn:aws:iam::1:mfa/a"), "a");

    [Fact]
    public void A_stored_session_comes_back_whole()
    {
        _cache.Put(K1, Mfa(TimeSpan.FromHours(1)), "default");

        var back = _cache.TryGet(K1, TimeSpan.FromMinutes(5));

        back.ShouldNotBeNull();
        back.Credentials.ShouldBe(Mfa(TimeSpan.FromHours(1)).Credentials);
        back.Kind.ShouldBe(SessionKind.Mfa);
        back.UserName.ShouldBe("a");
    }

    [Theory]
    [InlineData(360, true)]
    [InlineData(300, true)]
    [InlineData(299, false)]
    [InlineData(-60, false)]
    public void A_session_is_reused_only_with_at_least_the_margin_left(int secondsLeft, bool reused)
    {
        _cache.Put(K1, Mfa(TimeSpan.FromSeconds(secondsLeft)), "default");

        (_cache.TryGet(K1, TimeSpan.FromMinutes(5)) is not null).ShouldBe(reused);
    }

    [Fact]
    public void The_margin_is_configurable()
    {
        _cache.Put(K1, Mfa(TimeSpan.FromMinutes(30)), "default");

        _cache.TryGet(K1, TimeSpan.FromMinutes(45)).ShouldBeNull();
        _cache.TryGet(K1, TimeSpan.FromMinutes(15)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"Key\":\"" + K1 + "\",\"Kind\":\"Mfa\"")]
    [InlineData("null")]
    [InlineData("[1,2,3]")]
    [InlineData("\u0000\u0001binary")]
    public void A_corrupt_or_truncated_file_is_a_miss_and_is_replaced(string content)
    {
        var store = new CacheStore(_dir.Sub("c"), _status);
        store.Write(K1 + ".json", System.Text.Encoding.UTF8.GetBytes(content));

        _cache.TryGet(K1, TimeSpan.Zero).ShouldBeNull();
        _cache.Put(K1, Mfa(TimeSpan.FromHours(1)), "default");
        _cache.TryGet(K1, TimeSpan.Zero).ShouldNotBeNull();
    }

    [Fact]
    public void A_file_renamed_to_another_key_is_not_trusted_for_it()
    {
        _cache.Put(K1, Mfa(TimeSpan.FromHours(1)), "default");
        File.Move(_dir.Sub($"c/{K1}.json"), _dir.Sub($"c/{K2}.json"));

        _cache.TryGet(K2, TimeSpan.Zero).ShouldBeNull();
    }

    [Fact]
    public void Clear_with_a_profile_forgets_only_that_profile()
    {
        _cache.Put(K1, Mfa(TimeSpan.FromHours(1)), "default");
        _cache.Put(K2, Mfa(TimeSpan.FromHours(1)), "work");

        _cache.Clear("work").ShouldBe(1);

        _cache.List().Select(e => e.Profile).ShouldBe(["default"]);
        _cache.Clear(null).ShouldBe(1);
        _cache.List().ShouldBeEmpty();
    }

    [Fact]
    public void Entries_never_print_their_secrets()
    {
        _cache.Put(K1, Mfa(TimeSpan.FromHours(1)), "default");

        var entry = _cache.List().ShouldHaveSingleItem();

        entry.ToString().ShouldNotContain("secret/key");
        entry.ToString().ShouldNotContain("token");
        entry.ToSession().Credentials.ToString().ShouldNotContain("secret/key");
    }

    public void Dispose() => _dir.Dispose();
}
