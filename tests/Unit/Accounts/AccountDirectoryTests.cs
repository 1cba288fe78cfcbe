using AwsSession.Accounts;
using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;
using static AwsSession.Tests.Unit.Accounts.PoseFakes;

namespace AwsSession.Tests.Unit.Accounts;

/// <summary>The accounts cache rules: freshness (24h default), refresh once on a miss, an id never lists.</summary>
public sealed class AccountDirectoryTests : IDisposable
{
    private const string Owner = "mfa:arn:aws:iam::123456789012:mfa/alice";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "aws-session-accounts-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingStatus _status = new();
    private readonly FakeOrganizations _orgs = new(Acct("prod", "111111111111"), Acct("staging", "222222222222"), Acct("old", "333333333333", "SUSPENDED"));
    private readonly Source _source = new(new Session(Keys with { SessionToken = "t" }, SessionKind.Mfa, SessionIdentity.Parse("mfa:x"), "alice"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    private AccountsCache Cache() => new(new CacheStore(_dir, _status), _clock, _status);

    private AccountDirectory Directory_(ScriptedInteraction? interaction = null, TimeSpan? ttl = null, bool cache = true) =>
        new(_orgs, cache ? Cache() : null, interaction ?? new ScriptedInteraction(false), _status, ttl ?? TimeSpan.FromHours(24));

    private Task<Account> Resolve(string? query, AccountDirectory? d = null) =>
        (d ?? Directory_()).ResolveAsync(query, () => _source.GetAsync(default), Owner, default);

    [Fact]
    public async Task A_cold_lookup_lists_once_and_a_warm_one_not_at_all()
    {
        (await Resolve("prod")).Id.ShouldBe("111111111111");
        _orgs.Calls.ShouldBe(1);
        (await Resolve("stag")).Id.ShouldBe("222222222222");
        (await Resolve("PROD")).Id.ShouldBe("111111111111");
        _orgs.Calls.ShouldBe(1);
        _source.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task The_list_is_fresh_for_the_ttl_then_listed_again()
    {
        await Resolve("prod");
        _clock.Advance(TimeSpan.FromHours(23.9));
        await Resolve("prod");
        _orgs.Calls.ShouldBe(1);
        _clock.Advance(TimeSpan.FromHours(0.2));
        await Resolve("prod");
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_ttl_can_be_shortened()
    {
        await Resolve("prod", Directory_(ttl: TimeSpan.FromMinutes(10)));
        _clock.Advance(TimeSpan.FromMinutes(11));
        await Resolve("prod", Directory_(ttl: TimeSpan.FromMinutes(10)));
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_name_missing_from_a_fresh_list_refreshes_once_and_is_found()
    {
        await Resolve("prod");
        _orgs.Accounts.Add(Acct("brand-new", "444444444444"));

        (await Resolve("brand-new")).Id.ShouldBe("444444444444");
        _orgs.Calls.ShouldBe(2);
        (await Resolve("brand-new")).Id.ShouldBe("444444444444");
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_name_missing_after_the_refresh_fails_naming_the_closest_without_a_third_listing()
    {
        await Resolve("prod");
        var e = await Should.ThrowAsync<AwsSessionException>(() => Resolve("prdo"));
        e.ExitCode.ShouldBe(1);
        e.Message.ShouldContain("'prdo'");
        e.Message.ShouldContain("closest: prod (111111111111)");
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_miss_on_a_list_just_fetched_does_not_fetch_it_again()
    {
        await Should.ThrowAsync<AwsSessionException>(() => Resolve("nope"));
        _orgs.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_ambiguous_prefix_lists_the_candidates_and_does_not_refresh()
    {
        _orgs.Accounts.Add(Acct("prod-eu", "555555555555"));
        await Resolve("staging");
        var e = await Should.ThrowAsync<AwsSessionException>(() => Resolve("pro"));
        e.Message.ShouldContain("matches 2 accounts: prod (111111111111), prod-eu (555555555555)");
        _orgs.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_account_id_never_needs_the_list_but_borrows_a_cached_name()
    {
        (await Resolve("999999999999")).ShouldBe(new Account("999999999999", "999999999999", ""));
        _orgs.Calls.ShouldBe(0);
        _source.Calls.ShouldBe(0);

        await Resolve("prod");
        _clock.Advance(TimeSpan.FromDays(30));
        (await Resolve("222222222222")).Name.ShouldBe("staging");
        _orgs.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Each_owner_has_its_own_list()
    {
        var d = Directory_();
        await d.ResolveAsync("prod", () => _source.GetAsync(default), "owner-a", default);
        await d.ResolveAsync("prod", () => _source.GetAsync(default), "owner-b", default);
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_corrupt_cache_file_is_ignored_and_replaced()
    {
        await Resolve("prod");
        var file = Directory.GetFiles(_dir, "accounts-*.json").ShouldHaveSingleItem();
        await File.WriteAllTextAsync(file, "{ not json");
        (await Resolve("prod")).Id.ShouldBe("111111111111");
        _orgs.Calls.ShouldBe(2);
        (await Resolve("prod")).Id.ShouldBe("111111111111");
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_cache_files_are_private_and_named_by_a_hash()
    {
        await Resolve("prod");
        var files = Directory.GetFiles(_dir, "*.json");
        files.Select(Path.GetFileName).Order().ShouldBe([CacheKeys.Accounts(Owner) + ".json", CacheKeys.Recent("accounts\n" + Owner) + ".json"]);
        foreach (var file in files)
        {
            Path.GetFileName(file).ShouldNotContain("alice");
            if (!OperatingSystem.IsWindows())
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public async Task Refresh_ignores_a_fresh_list_and_replaces_it()
    {
        var d = Directory_();
        await d.ListAsync(() => _source.GetAsync(default), Owner, refresh: false, default);
        _orgs.Accounts.Add(Acct("brand-new", "444444444444"));
        (await d.ListAsync(() => _source.GetAsync(default), Owner, refresh: false, default)).Count.ShouldBe(3);
        (await d.ListAsync(() => _source.GetAsync(default), Owner, refresh: true, default)).Count.ShouldBe(4);
        (await d.ListAsync(() => _source.GetAsync(default), Owner, refresh: false, default)).Count.ShouldBe(4);
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Without_a_cache_every_lookup_lists()
    {
        await Resolve("prod", Directory_(cache: false));
        await Resolve("prod", Directory_(cache: false));
        _orgs.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_picker_shows_active_accounts_by_name_with_id_and_email()
    {
        _orgs.Accounts.Add(Acct("Analytics", "444444444444"));
        var interaction = new ScriptedInteraction(true) { Choose = shown => shown.ToList().FindIndex(s => s.StartsWith("staging", StringComparison.Ordinal)) };

        (await Resolve(null, Directory_(interaction))).Id.ShouldBe("222222222222");

        interaction.Shown.ShouldBe([
            "Analytics  444444444444  Analytics@example.com",
            "prod  111111111111  prod@example.com",
            "staging  222222222222  staging@example.com",
        ]);
        interaction.ProgressRuns.ShouldBe(1);
    }

    [Fact]
    public async Task The_picker_puts_the_accounts_picked_or_named_before_first_the_latest_ahead()
    {
        _orgs.Accounts.Add(Acct("Analytics", "444444444444"));
        await Resolve(null, Directory_(new ScriptedInteraction(true) { Choose = shown => shown.ToList().FindIndex(s => s.StartsWith("staging", StringComparison.Ordinal)) }));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await Resolve("prod");
        await Resolve("444444444444"); // an id needs no list and is not recorded

        var again = new ScriptedInteraction(true);
        (await Resolve(null, Directory_(again))).Name.ShouldBe("prod");

        again.Shown.Select(s => s.Split("  ")[0]).ShouldBe(["prod", "staging", "Analytics"]);
    }

    [Fact]
    public async Task The_session_that_lists_is_made_before_the_progress_line_so_its_mfa_prompt_can_show()
    {
        var interaction = new ScriptedInteraction(true);
        var inProgress = new List<bool>();
        var directory = Directory_(interaction);

        await directory.ResolveAsync(null, () => { inProgress.Add(interaction.InProgress); return _source.GetAsync(default); }, Owner, default);

        inProgress.ShouldBe([false]);
        interaction.ProgressRuns.ShouldBe(1);
    }

    [Fact]
    public async Task The_picker_opens_on_a_warm_list_without_listing()
    {
        await Resolve("prod");
        var interaction = new ScriptedInteraction(true);
        await Resolve(null, Directory_(interaction));
        _orgs.Calls.ShouldBe(1);
        interaction.ProgressRuns.ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_terminal_no_account_is_a_usage_error_before_any_call()
    {
        var e = await Should.ThrowAsync<UsageException>(() => Resolve(null));
        e.ExitCode.ShouldBe(2);
        _orgs.Calls.ShouldBe(0);
        _source.Calls.ShouldBe(0);
    }

    [Theory]
    [InlineData("AWSOrganizationsNotInUseException")]
    [InlineData("AccessDeniedException")]
    public async Task No_organization_or_no_permission_says_that_an_id_works(string code)
    {
        _orgs.Failure = new AwsSessionException("listing failed", inner: new AwsApiException("Organizations", code, "no", System.Net.HttpStatusCode.BadRequest));
        var e = await Should.ThrowAsync<AwsSessionException>(() => Resolve("prod"));
        e.Message.ShouldContain(code);
        e.Hint.ShouldNotBeNull();
        e.Hint.ShouldContain("12-digit account id");
    }

    [Fact]
    public async Task An_empty_list_says_that_an_id_works()
    {
        _orgs.Accounts.Clear();
        var e = await Should.ThrowAsync<AwsSessionException>(() => Resolve("prod"));
        e.Message.ShouldContain("'prod'");
        e.Hint.ShouldNotBeNull();
        e.Hint.ShouldContain("12-digit account id");
    }
}
