using AwsSession.Prompts;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Sso;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Credentials;

/// <summary>The chains and cache keys the planner composes, and that planning itself calls nothing.</summary>
public sealed class SessionPlannerTests
{
    private const string Device = "arn:aws-us-gov:iam::123456789012:mfa/alice";
    private const string Hub = "arn:aws:iam::111111111111:role/Hub";
    private const string Spoke = "arn:aws:iam::222222222222:role/Spoke";
    private static readonly AwsCredentials LongLived = new("AKIAEXAMPLE000000000", "secret");
    private static readonly AwsCredentials EnvironmentSession = new("ASIAENV0000000000000", "secret", "token");
    private static readonly Account Prod = new("333333333333", "prod", "prod@example.com");

    private readonly FakeSts _sts = new();
    private readonly FakeIam _iam = new(["arn:aws:iam::123456789012:mfa/alice"]);
    private readonly ScriptedInteraction _interaction = new(true, "123456");
    private readonly RecordingStatus _status = new();

    private static readonly SsoSessionConfig Corp = new("corp", "https://d-fake.awsapps.com/start", "us-east-1", [SsoSessionConfig.DefaultScope]);
    private static readonly SsoSessionConfig GovCorp = Corp with { Region = "us-gov-west-1" };
    private const string Nowhere = "/nonexistent/planning-reads-no-file";

    private SessionPlanner Planner(bool cached = true)
    {
        var cache = cached ? new SessionCache(new CacheStore(Nowhere, _status), TimeProvider.System, _status) : null;
        var tokens = new SsoTokenProvider(new SsoTokenCache(Nowhere, _status), new CacheStore(Nowhere, _status),
            () => throw new InvalidOperationException("planning signs nothing in"), null, TimeProvider.System, _status);
        var sso = new SsoPlanner(_ => tokens, _ => new UnusedPortal(), cache, null, _interaction, _status);
        return new(new FakeAws(_sts, _iam), cache, _interaction, _status, Env.Of(), MfaCodeSources.For, sso);
    }

    private static ResolvedConfig SsoConfig(string? account, string? role, params ProfileRole[] roles) =>
        Config(LongLived, null, roles) with { Base = null, Sso = new SsoProfile(Corp, account, role) };

    private static ResolvedConfig Config(AwsCredentials keys, string? device = Device, params ProfileRole[] roles) => new()
    {
        ProfileName = "work",
        Base = new BaseCredentials(keys, "profile 'work'", "work"),
        Region = "eu-west-1",
        Reach = AwsReach.Resolve(Env.Of(), null, new FakeProfiles()),
        MfaSerial = device,
        ProfileRoles = roles,
        RoleDuration = TimeSpan.FromMinutes(45),
    };

    private static Invocation Mfa(bool noCache = false) => new(new MfaMode(), new SessionOptions { NoCache = noCache });

    private static Invocation Pose(string? account = "prod", string? role = null) =>
        new(new PoseMode(account, role, "alice-session", "ext"), new SessionOptions());

    private static ProfileRole Hop(string arn) => new("hop", arn, null, null, TimeSpan.FromMinutes(30));

    [Fact]
    public void An_MFA_session_is_cached_under_the_base_key_profile_and_device_and_files_accounts_under_the_device()
    {
        var plan = Planner().Plan(Mfa(), Config(LongLived));

        plan.Source.ToString().ShouldBe("Cached(MfaSession(Static))");
        plan.Key.ShouldBe(CacheKeys.MfaSession(LongLived.AccessKeyId, "work", Device));
        plan.AccountsOwner.ShouldBe("mfa:" + Device);
        plan.Region.ShouldBe("eu-west-1");
        plan.Role.ShouldBeNull();
    }

    [Fact]
    public void Without_a_known_device_the_accounts_are_filed_under_the_session_key()
    {
        var plan = Planner().Plan(Mfa(), Config(LongLived, device: null));

        plan.AccountsOwner.ShouldBe(plan.Key);
        plan.Key.ShouldBe(CacheKeys.MfaSession(LongLived.AccessKeyId, "work", null));
    }

    [Fact]
    public void No_cache_leaves_every_cache_link_out()
    {
        Planner().Plan(Mfa(noCache: true), Config(LongLived, Device, Hop(Hub))).Source.ToString().ShouldBe("AssumedRole(MfaSession(Static))");
        Planner(cached: false).Plan(Mfa(), Config(LongLived)).Source.ToString().ShouldBe("MfaSession(Static)");
    }

    [Fact]
    public async Task Without_a_cache_what_a_run_plans_twice_is_made_once()
    {
        // pose NAME lists the accounts with the origin session, then plans the role over it: one MFA code, one role.
        var planner = Planner(cached: false);
        var config = Config(LongLived, Device, Hop(Hub));
        var invocation = new Invocation(new PoseMode("prod", null, null, null), new SessionOptions { NoCache = true });

        await planner.Origin(invocation, config).Source.GetAsync(default);
        await planner.Plan(invocation, config, Prod).Source.GetAsync(default);
        await planner.Plan(invocation, config, Prod).Source.GetAsync(default);

        _sts.Codes.Count.ShouldBe(1);
        _sts.Assumed.Count.ShouldBe(2, "the hop once, then the pose's role once");
        _sts.Assumed[0].RoleArn.ShouldBe(Hub);
    }

    [Fact]
    public void Profile_role_hops_stack_in_order_each_keyed_by_the_one_below()
    {
        var plan = Planner().Plan(Mfa(), Config(LongLived, Device, Hop(Hub), Hop(Spoke)));

        plan.Source.ToString().ShouldBe("Cached(AssumedRole(Cached(AssumedRole(Cached(MfaSession(Static))))))");
        var mfaKey = CacheKeys.MfaSession(LongLived.AccessKeyId, "work", Device);
        plan.Key.ShouldBe(CacheKeys.RoleSession(CacheKeys.RoleSession(mfaKey, Hub, null, null), Spoke, null, null));
        plan.AccountsOwner.ShouldBe("role:" + Spoke);
        plan.Role.ShouldBe(new RoleTarget(Spoke, null, null, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Pose_assumes_the_default_role_of_the_looked_up_account_in_the_devices_partition()
    {
        var plan = Planner().Plan(Pose(), Config(LongLived), Prod);

        plan.Source.ToString().ShouldBe("Cached(AssumedRole(Cached(MfaSession(Static))))");
        var arn = "arn:aws-us-gov:iam::333333333333:role/OrganizationAccountAccessRole";
        plan.Role.ShouldBe(new RoleTarget(arn, "alice-session", "ext", TimeSpan.FromMinutes(45)));
        plan.Account.ShouldBe(Prod);
        plan.Key.ShouldBe(CacheKeys.RoleSession(CacheKeys.MfaSession(LongLived.AccessKeyId, "work", Device), arn, "ext", "alice-session"));
    }

    [Theory]
    [InlineData("cn-north-1", "arn:aws-cn:iam::333333333333:role/OrganizationAccountAccessRole")]
    [InlineData("eusc-de-east-1", "arn:aws-eusc:iam::333333333333:role/OrganizationAccountAccessRole")]
    [InlineData(null, "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole")]
    public void Without_a_known_device_pose_assumes_the_role_in_the_partition_of_the_runs_region(string? region, string arn)
    {
        var plan = Planner().Plan(Pose(), Config(LongLived, device: null) with { Region = region }, Prod);

        plan.Role!.RoleArn.ShouldBe(arn);
    }

    [Fact]
    public void A_role_arn_is_assumed_as_given()
    {
        var arn = "arn:aws:iam::333333333333:role/ci/Deploy";

        Planner().Plan(Pose("prod", arn), Config(LongLived), Prod).Role!.RoleArn.ShouldBe(arn);
    }

    [Fact]
    public void Pose_is_planned_only_after_its_account_is_looked_up() =>
        Should.Throw<InvalidOperationException>(() => Planner().Plan(Pose(), Config(LongLived)));

    [Fact]
    public void A_session_in_the_environment_is_the_base_of_pose_and_files_accounts_under_its_marker()
    {
        var config = Config(EnvironmentSession) with { EnvironmentIdentity = SessionIdentity.Mfa(Device) };
        var planner = Planner();

        var origin = planner.Origin(Pose(), config);
        var plan = planner.Plan(Pose(), config, Prod);

        origin.Source.ToString().ShouldBe("Static");
        origin.Key.ShouldBe(CacheKeys.EnvironmentSession(EnvironmentSession.AccessKeyId));
        origin.AccountsOwner.ShouldBe("mfa:" + Device);
        plan.Source.ToString().ShouldBe("Cached(AssumedRole(Static))");
        planner.Origin(Pose(), Config(EnvironmentSession)).AccountsOwner.ShouldBe(origin.Key);
    }

    [Fact]
    public void A_session_in_the_environment_cannot_make_an_MFA_session()
    {
        var e = Should.Throw<AwsSessionException>(() => Planner().Plan(Mfa(), Config(EnvironmentSession)));

        e.Message.ShouldContain("already holds a session");
        e.Hint!.ShouldContain("aws-session pose");
    }

    [Fact]
    public void Plain_whoami_keeps_a_session_in_the_environment_and_a_profile_role_goes_on_top_of_one()
    {
        var keep = new Invocation(new MfaMode(KeepEnvironmentSession: true), new SessionOptions());

        Planner().Plan(keep, Config(EnvironmentSession)).Source.ToString().ShouldBe("Static");
        Planner().Plan(Mfa(), Config(EnvironmentSession, Device, Hop(Hub))).Source.ToString().ShouldBe("Cached(AssumedRole(Static))");
    }

    [Fact]
    public void An_SSO_profile_gets_its_role_from_the_portal_cached_under_the_sign_in_account_and_role()
    {
        var plan = Planner().Plan(Mfa(), SsoConfig("444455556666", "Admin"));

        plan.Source.ToString().ShouldBe("Cached(SsoRole(444455556666/Admin))");
        plan.Key.ShouldBe(CacheKeys.SsoRole("corp", "444455556666", "Admin"));
        plan.AccountsOwner.ShouldBe("sso:corp");
        plan.Region.ShouldBe("eu-west-1");
        plan.Role.ShouldBeNull();
    }

    [Fact]
    public void An_SSO_profile_without_account_and_role_is_a_usage_error_that_points_at_pose()
    {
        var e = Should.Throw<UsageException>(() => Planner().Plan(Mfa(), SsoConfig(null, null)));

        e.Message.ShouldContain("no sso_account_id and sso_role_name");
        e.Hint!.ShouldContain("aws-session pose");
    }

    [Fact]
    public void Pose_with_an_SSO_profile_asks_the_portal_for_the_looked_up_account_and_role()
    {
        var plan = Planner().Plan(Pose(), SsoConfig(null, null), Prod, "ReadOnly");

        plan.Source.ToString().ShouldBe("Cached(SsoRole(333333333333/ReadOnly))");
        plan.Key.ShouldBe(CacheKeys.SsoRole("corp", "333333333333", "ReadOnly"));
        plan.Role.ShouldBe(new RoleTarget("arn:aws:iam::333333333333:role/ReadOnly", null, null, Durations.RoleDefault));
        plan.Account.ShouldBe(Prod);
        plan.AccountsOwner.ShouldBe("sso:corp");
        Should.Throw<InvalidOperationException>(() => Planner().Plan(Pose(), SsoConfig(null, null), Prod));
    }

    [Fact]
    public void An_SSO_pose_is_a_role_in_the_portals_partition()
    {
        var config = SsoConfig(null, null) with { Sso = new SsoProfile(GovCorp, null, null), Region = "us-gov-east-1" };

        Planner().Plan(Pose(), config, Prod, "ReadOnly").Role!.RoleArn.ShouldBe("arn:aws-us-gov:iam::333333333333:role/ReadOnly");
        Planner().Plan(Pose(), SsoConfig(null, null, Hop(Hub)) with { Sso = new SsoProfile(GovCorp, "444455556666", "Admin"), Region = "us-gov-west-1" }, Prod)
            .Role!.RoleArn.ShouldBe("arn:aws-us-gov:iam::333333333333:role/OrganizationAccountAccessRole");
    }

    [Fact]
    public void Profile_role_hops_go_on_top_of_an_SSO_role_and_pose_then_assumes_from_the_last_hop()
    {
        var config = SsoConfig("444455556666", "Admin", Hop(Hub));
        var ssoKey = CacheKeys.SsoRole("corp", "444455556666", "Admin");

        var origin = Planner().Plan(Mfa(), config);
        var pose = Planner().Plan(Pose(), config, Prod);

        origin.Source.ToString().ShouldBe("Cached(AssumedRole(Cached(SsoRole(444455556666/Admin))))");
        origin.Key.ShouldBe(CacheKeys.RoleSession(ssoKey, Hub, null, null));
        pose.Source.ToString().ShouldBe("Cached(AssumedRole(Cached(AssumedRole(Cached(SsoRole(444455556666/Admin))))))");
        pose.Role!.RoleArn.ShouldBe("arn:aws:iam::333333333333:role/OrganizationAccountAccessRole");
    }

    [Fact]
    public void Planning_calls_no_gateway_and_asks_nothing()
    {
        var planner = Planner();

        planner.Plan(Mfa(), Config(LongLived, device: null, Hop(Hub)));
        planner.Plan(Pose(), Config(LongLived, device: null), Prod);
        planner.Plan(Pose(), SsoConfig(null, null), Prod, "ReadOnly");

        _sts.Codes.ShouldBeEmpty();
        _sts.CallerIdentityCalls.ShouldBe(0);
        _iam.Users.ShouldBeEmpty();
        _interaction.Asked.ShouldBe(0);
        _interaction.Picks.ShouldBe(0);
    }

    /// <summary>Any call fails the test: planning must not reach the portal.</summary>
    private sealed class UnusedPortal : ISsoPortal
    {
        public Task<IReadOnlyList<Account>> ListAccountsAsync(string accessToken, IProgress<int>? progress, CancellationToken ct) => throw new InvalidOperationException("planning called the portal");

        public Task<IReadOnlyList<string>> ListAccountRolesAsync(string accessToken, string accountId, CancellationToken ct) => throw new InvalidOperationException("planning called the portal");

        public Task<AwsCredentials> GetRoleCredentialsAsync(string accessToken, string accountId, string roleName, CancellationToken ct) => throw new InvalidOperationException("planning called the portal");

        public Task LogoutAsync(string accessToken, CancellationToken ct) => throw new InvalidOperationException("planning called the portal");
    }
}
