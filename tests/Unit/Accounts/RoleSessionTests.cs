using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;
using static AwsSession.Tests.Unit.Accounts.PoseFakes;

namespace AwsSession.Tests.Unit.Accounts;

/// <summary>AssumedRoleSource: duration capping for role chaining and the default session name.</summary>
public class RoleSessionTests
{
    private const string RoleArn = "arn:aws:iam::111111111111:role/Admin";

    private static async Task<(RoleRequest Request, RecordingStatus Status)> Assume(Session source, TimeSpan duration, string? sessionName = null, FakeSts? sts = null)
    {
        sts ??= new FakeSts();
        var status = new RecordingStatus();
        await new AssumedRoleSource(new Source(source), new RoleTarget(RoleArn, sessionName, "ext-id", duration), sts, status).GetAsync(default);
        return (sts.Assumed.ShouldHaveSingleItem(), status);
    }

    private static Session Mfa(string? user = "alice") =>
        new(Keys with { SessionToken = "t" }, SessionKind.Mfa, SessionIdentity.Parse("mfa:arn:aws:iam::123456789012:mfa/alice"), user);

    private static Session RoleSession() =>
        new(Keys with { SessionToken = "t" }, SessionKind.Role, SessionIdentity.Parse("role:arn:aws:iam::123456789012:role/Hub"), null);

    [Fact]
    public async Task From_an_mfa_session_the_duration_is_passed_as_asked()
    {
        var (request, status) = await Assume(Mfa(), TimeSpan.FromHours(12));
        request.Duration.ShouldBe(TimeSpan.FromHours(12));
        request.ExternalId.ShouldBe("ext-id");
        status.Lines.ShouldNotContain(l => l.Contains("chaining"));
    }

    [Fact]
    public async Task Role_chaining_caps_the_duration_at_one_hour_with_a_note()
    {
        var (request, status) = await Assume(RoleSession(), TimeSpan.FromHours(8));
        request.Duration.ShouldBe(TimeSpan.FromHours(1));
        status.Lines.ShouldContain(l => l.StartsWith("note: role chaining") && l.Contains("1h") && l.Contains("8h"));
    }

    [Fact]
    public async Task Role_chaining_within_one_hour_needs_no_cap_and_no_note()
    {
        var (request, status) = await Assume(RoleSession(), TimeSpan.FromMinutes(30));
        request.Duration.ShouldBe(TimeSpan.FromMinutes(30));
        status.Lines.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_environment_session_marked_as_a_role_is_chaining_too()
    {
        var env = new Session(Keys with { SessionToken = "t" }, SessionKind.Environment, SessionIdentity.Parse("role:arn:aws:iam::1:role/X"));
        (await Assume(env, TimeSpan.FromHours(2))).Request.Duration.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task An_unmarked_environment_session_is_identified_with_sts_and_named_after_the_user()
    {
        var env = new Session(Keys with { SessionToken = "t" }, SessionKind.Environment, SessionIdentity.Unverified);
        var (request, _) = await Assume(env, TimeSpan.FromHours(2));
        request.Duration.ShouldBe(TimeSpan.FromHours(2));
        request.SessionName.ShouldBe("alice");
    }

    [Fact]
    public async Task The_default_session_name_comes_from_the_caller_and_an_explicit_one_wins()
    {
        (await Assume(Mfa("alice@example.com"), TimeSpan.FromHours(1))).Request.SessionName.ShouldBe("alice@example.com");
        (await Assume(Mfa(null), TimeSpan.FromHours(1))).Request.SessionName.ShouldBe("alice", "without a user name, STS's caller ARN gives it");
        (await Assume(Mfa(), TimeSpan.FromHours(1), "ci-run-42")).Request.SessionName.ShouldBe("ci-run-42");
    }

    [Fact]
    public async Task A_role_assumed_from_a_role_session_is_named_after_who_that_session_is()
    {
        var sts = new FakeSts { CallerArn = "arn:aws:sts::123456789012:assumed-role/Hub/alice" };

        var (request, _) = await Assume(RoleSession(), TimeSpan.FromHours(1), sts: sts);

        request.SessionName.ShouldBe("alice");
    }

    [Fact]
    public async Task An_environment_session_from_an_mfa_device_is_named_after_the_user_not_the_device()
    {
        var env = new Session(Keys with { SessionToken = "t" }, SessionKind.Environment, SessionIdentity.Mfa("arn:aws:iam::123456789012:mfa/alice-phone"));
        var sts = new FakeSts();

        var (request, _) = await Assume(env, TimeSpan.FromHours(1), sts: sts);

        request.SessionName.ShouldBe("alice");
        sts.CallerIdentityCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_known_user_name_costs_no_sts_call()
    {
        var sts = new FakeSts();

        (await Assume(Mfa("alice"), TimeSpan.FromHours(1), sts: sts)).Request.SessionName.ShouldBe("alice");

        sts.CallerIdentityCalls.ShouldBe(0);
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("Alice Smith", "AliceSmith")]
    [InlineData("jörg/müller", "jrgmller")]
    [InlineData("a", "aws-session-a")]
    [InlineData("", "aws-session")]
    [InlineData(null, "aws-session")]
    [InlineData("+=,.@-_", "+=,.@-_")]
    public void Sanitises_a_caller_derived_session_name(string? raw, string expected) =>
        Validation.SanitizeSessionName(raw).ShouldBe(expected);

    [Fact]
    public void A_sanitised_name_is_always_valid_for_sts()
    {
        foreach (var raw in new[] { new string('x', 200), "💥💥", "a b c d", "\t\n", "é" })
        {
            var name = Validation.SanitizeSessionName(raw);
            name.ShouldMatch(@"^[\w+=,.@-]{2,64}$");
            Validation.SessionName(name).ShouldBe(name);
        }
    }

    [Theory]
    [InlineData("x")]
    [InlineData("has space")]
    [InlineData("slash/es")]
    public void An_invalid_explicit_session_name_is_a_usage_error(string name) =>
        Should.Throw<UsageException>(() => Validation.SessionName(name)).ExitCode.ShouldBe(2);

    [Theory]
    [InlineData("x")]
    [InlineData("has space")]
    public void An_invalid_external_id_is_a_usage_error(string id) =>
        Should.Throw<UsageException>(() => Validation.ExternalId(id)).ExitCode.ShouldBe(2);

    [Theory]
    [InlineData("14m")]
    [InlineData("12h1s")]
    [InlineData("13h")]
    public void A_role_duration_out_of_15m_to_12h_is_a_usage_error(string text) =>
        Should.Throw<UsageException>(() => Durations.InRange(Durations.Parse(text), Durations.RoleMin, Durations.RoleMax)).ExitCode.ShouldBe(2);
}
