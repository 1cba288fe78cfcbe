using AwsSession.Cache;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Cache;

public sealed class RecentPicksTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();
    private readonly RecordingStatus _status = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly CacheStore _store;
    private readonly RecentPicks _recent;

    public RecentPicksTests()
    {
        _store = new CacheStore(_dir.Sub("c"), _status);
        _recent = new RecentPicks(_store, _time);
    }

    private static readonly string[] Accounts = ["a", "b", "c", "d", "e"];

    [Fact]
    public void With_nothing_recorded_the_order_is_the_given_one()
    {
        _recent.Order("accounts", Accounts, x => x).ShouldBe(Accounts);
    }

    [Fact]
    public void Chosen_items_come_first_the_most_frecent_ahead_and_the_rest_keep_their_order()
    {
        _recent.Record("accounts", "d");
        _time.Advance(TimeSpan.FromHours(2));
        _recent.Record("accounts", "b");
        _recent.Record("accounts", "d");

        _recent.Order("accounts", Accounts, x => x).ShouldBe(["d", "b", "a", "c", "e"]);
    }

    [Fact]
    public void A_choice_months_old_ranks_below_one_made_today_even_if_made_more_often()
    {
        for (var i = 0; i < 3; i++)
            _recent.Record("accounts", "a");
        _time.Advance(TimeSpan.FromDays(90));
        _recent.Record("accounts", "e");

        _recent.Order("accounts", Accounts, x => x).Take(2).ShouldBe(["e", "a"]);
    }

    [Fact]
    public void Uses_within_the_hour_count_once_and_write_nothing()
    {
        var file = Path.Combine(_dir.Sub("c"), CacheKeys.Recent("accounts") + ".json");
        _recent.Record("accounts", "b");
        _time.Advance(TimeSpan.FromMinutes(30));
        _recent.Record("accounts", "a");
        var written = File.ReadAllBytes(file);

        _time.Advance(TimeSpan.FromMinutes(40));
        _recent.Record("accounts", "a");
        _recent.Record("accounts", "a");

        File.ReadAllBytes(file).ShouldBe(written);
        _time.Advance(TimeSpan.FromMinutes(30));
        _recent.Record("accounts", "b");
        _recent.Order("accounts", Accounts, x => x).Take(2).ShouldBe(["b", "a"], "b has two uses an hour or more apart, a one");
    }

    [Fact]
    public void Lists_are_kept_apart()
    {
        _recent.Record("accounts\nalice", "c");

        _recent.Order("accounts\nbob", Accounts, x => x).ShouldBe(Accounts);
        _recent.Order("accounts\nalice", Accounts, x => x)[0].ShouldBe("c");
    }

    [Fact]
    public void The_record_is_a_private_file_of_the_cache_written_atomically()
    {
        _recent.Record("accounts", "c");

        var file = Directory.GetFiles(_dir.Sub("c")).ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe(CacheKeys.Recent("accounts") + ".json");
        CacheNames.IsOwn(Path.GetFileName(file)).ShouldBeTrue();
        if (!OperatingSystem.IsWindows())
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_corrupt_record_is_ignored_and_replaced()
    {
        _recent.Record("accounts", "c");
        File.WriteAllText(Path.Combine(_dir.Sub("c"), CacheKeys.Recent("accounts") + ".json"), "{not json");

        _recent.Order("accounts", Accounts, x => x).ShouldBe(Accounts);
        _recent.Record("accounts", "e");
        _recent.Order("accounts", Accounts, x => x)[0].ShouldBe("e");
    }

    [Fact]
    public void Clearing_the_cache_forgets_the_recent_choices_but_listing_sessions_ignores_them()
    {
        _recent.Record("accounts", "c");
        var sessions = new SessionCache(_store, _time, _status);

        sessions.List().ShouldBeEmpty();
        sessions.Clear(profile: null);

        Directory.GetFiles(_dir.Sub("c")).ShouldBeEmpty();
    }

    public void Dispose() => _dir.Dispose();
}
