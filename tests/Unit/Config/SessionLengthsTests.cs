using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Config;

/// <summary>Every session length is decided while config is resolved, from -d, the mode and the profiles.</summary>
public sealed class SessionLengthsTests
{
    private static readonly ProfileSettings Work = new("work") { AccessKeyId = "AKIAWORK000000000000", SecretAccessKey = "s", MfaSerial = "arn:aws:iam::1:mfa/w" };
    private static readonly ProfileSettings Admin = new("admin") { RoleArn = "arn:aws:iam::2:role/Admin", SourceProfile = "work", DurationSeconds = 1800 };

    private static ResolvedConfig Resolve(Mode mode, TimeSpan? duration, string profile = "work") =>
        new ConfigResolver(Env.Of(), new FakeProfiles(Work, Admin)).Resolve(new Invocation(mode, new SessionOptions { Profile = profile, Duration = duration }));

    [Fact]
    public void Without_d_an_MFA_session_lasts_12h_and_a_role_1h()
    {
        var config = Resolve(new PoseMode(), null);

        config.MfaDuration.ShouldBe(TimeSpan.FromHours(12));
        config.RoleDuration.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void In_mfa_mode_d_is_the_MFA_sessions_length()
    {
        Resolve(new MfaMode(), TimeSpan.FromHours(30)).MfaDuration.ShouldBe(TimeSpan.FromHours(30));
    }

    [Fact]
    public void In_pose_mode_d_is_the_roles_length_and_the_MFA_session_keeps_its_default()
    {
        var config = Resolve(new PoseMode(), TimeSpan.FromHours(2));

        config.RoleDuration.ShouldBe(TimeSpan.FromHours(2));
        config.MfaDuration.ShouldBe(TimeSpan.FromHours(12));
    }

    [Fact]
    public void With_a_role_profile_d_goes_to_the_role_and_duration_seconds_only_without_d()
    {
        var withD = Resolve(new MfaMode(), TimeSpan.FromHours(2), "admin");
        withD.ProfileRoles.ShouldHaveSingleItem().Duration.ShouldBe(TimeSpan.FromHours(2));
        withD.MfaDuration.ShouldBe(TimeSpan.FromHours(12));

        Resolve(new MfaMode(), null, "admin").ProfileRoles.ShouldHaveSingleItem().Duration.ShouldBe(TimeSpan.FromMinutes(30));
        Resolve(new PoseMode(), TimeSpan.FromHours(2), "admin").ProfileRoles.ShouldHaveSingleItem().Duration.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Theory]
    [InlineData("pose", 13 * 3600, "use 15m to 12h")]
    [InlineData("mfa", 37 * 3600, "use 15m to 36h")]
    [InlineData("mfa", 14 * 60, "use 15m to 36h")]
    public void A_d_outside_the_modes_range_is_a_usage_error_before_any_profile_is_read(string mode, int seconds, string hint)
    {
        var resolver = new ConfigResolver(Env.Of(), new ThrowingProfiles());
        var invocation = new Invocation(mode == "pose" ? new PoseMode() : new MfaMode(), new SessionOptions { Duration = TimeSpan.FromSeconds(seconds) });

        Should.Throw<UsageException>(() => resolver.Resolve(invocation)).Hint.ShouldBe(hint);
    }

    [Fact]
    public void A_role_may_last_up_to_12h() =>
        Resolve(new PoseMode(), TimeSpan.FromHours(12)).RoleDuration.ShouldBe(TimeSpan.FromHours(12));

    [Fact]
    public void A_d_that_suits_an_MFA_session_but_not_the_profiles_role_is_a_usage_error() =>
        Should.Throw<UsageException>(() => Resolve(new MfaMode(), TimeSpan.FromHours(20), "admin")).Hint.ShouldBe("use 15m to 12h");

    [Fact]
    public void A_profiles_duration_seconds_out_of_range_names_the_profile()
    {
        var shortRole = Admin with { Name = "short", DurationSeconds = 60 };
        var resolver = new ConfigResolver(Env.Of(), new FakeProfiles(Work, shortRole));

        var e = Should.Throw<UsageException>(() => resolver.Resolve(new Invocation(new MfaMode(), new SessionOptions { Profile = "short" })));

        e.Line.ShouldBe("profile 'short': duration_seconds: 1m is out of range; use 15m to 12h");
    }

    [Fact]
    public void The_device_argument_wins_over_mfa_serial() =>
        Resolve(new MfaMode("arn:aws:iam::1:mfa/other"), null).MfaSerial.ShouldBe("arn:aws:iam::1:mfa/other");

    [Theory]
    [InlineData(null, null)]
    [InlineData(600, 900)]
    [InlineData(7200, 7200)]
    [InlineData(90000, 43200)]
    public void Console_session_lengths_are_clamped_to_what_AWS_allows(int? seconds, int? expected) =>
        ((int?)SessionLengths.SignIn(seconds is { } s ? TimeSpan.FromSeconds(s) : null)?.TotalSeconds).ShouldBe(expected);

    private sealed class ThrowingProfiles : IProfileStore
    {
        public ProfileSettings? Find(string name) => throw new InvalidOperationException("read before -d was checked");
    }
}
