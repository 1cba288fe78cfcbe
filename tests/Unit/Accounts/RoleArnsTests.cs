using System.Text.RegularExpressions;
using AwsSession.Accounts;
using AwsSession.Domain;
using CsCheck;

namespace AwsSession.Tests.Unit.Accounts;

public class RoleArnsTests
{
    [Theory]
    [InlineData(null, "arn:aws:iam::123456789012:role/OrganizationAccountAccessRole")]
    [InlineData("Admin", "arn:aws:iam::123456789012:role/Admin")]
    [InlineData("ci/Deploy", "arn:aws:iam::123456789012:role/ci/Deploy")]
    [InlineData("/ci/team/Deploy/", "arn:aws:iam::123456789012:role/ci/team/Deploy")]
    [InlineData("a+b=c,d.e@f_g-h", "arn:aws:iam::123456789012:role/a+b=c,d.e@f_g-h")]
    public void Builds_the_role_arn_from_a_name_or_a_path(string? role, string arn) =>
        RoleArns.Build("123456789012", role).ShouldBe(arn);

    [Fact]
    public void A_full_arn_is_kept_and_its_account_wins() =>
        RoleArns.Build("123456789012", "arn:aws:iam::999999999999:role/ci/Deploy").ShouldBe("arn:aws:iam::999999999999:role/ci/Deploy");

    [Fact]
    public void The_partition_follows_the_mfa_device()
    {
        RoleArns.PartitionOf("arn:aws-us-gov:iam::123456789012:mfa/alice").ShouldBe("aws-us-gov");
        RoleArns.PartitionOf(null).ShouldBe("aws");
        RoleArns.Build("123456789012", "Admin", "aws-cn").ShouldBe("arn:aws-cn:iam::123456789012:role/Admin");
    }

    [Fact]
    public void Parses_account_and_name_out_of_an_arn()
    {
        var (arn, account, name) = RoleArns.Parse("arn:aws:iam::999999999999:role/ci/Deploy");
        (arn, account, name).ShouldBe(("arn:aws:iam::999999999999:role/ci/Deploy", "999999999999", "Deploy"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("bad role")]
    [InlineData("a//b")]
    public void Rejects_what_is_not_a_role_name_as_a_usage_error(string role) =>
        Should.Throw<UsageException>(() => RoleArns.Check(role)).ExitCode.ShouldBe(2);

    [Fact]
    public void A_trailing_slash_is_dropped_from_a_role_path() =>
        RoleArns.Check("ci/").ShouldBe("ci");

    [Theory]
    [InlineData("arn:aws:iam::12345:role/Admin")]
    [InlineData("arn:aws:iam::123456789012:user/alice")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/Admin/x")]
    public void Rejects_an_arn_that_is_not_a_role_arn(string arn) =>
        Should.Throw<UsageException>(() => RoleArns.Check(arn)).Message.ShouldContain("not a role ARN");

    [Fact]
    public void A_name_longer_than_64_characters_is_refused()
    {
        RoleArns.Check(new string('a', 64)).ShouldBe(new string('a', 64));
        Should.Throw<UsageException>(() => RoleArns.Check(new string('a', 65))).ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("Admin\n")]
    [InlineData("ci/Deploy\n")]
    [InlineData("arn:aws:iam::123456789012:role/Admin\n")]
    public void A_trailing_newline_is_not_part_of_a_valid_role(string role) =>
        Should.Throw<UsageException>(() => RoleArns.Check(role)).ExitCode.ShouldBe(2);

    /// <summary>IAM's pattern for a role's path and name, as the oracle for the hand-written check.</summary>
    private static readonly Regex IamRolePath = new(@"^(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}\z");

    [Fact]
    public void A_role_name_or_path_is_accepted_exactly_when_it_matches_iams_pattern() =>
        Gen.String[Gen.OneOf(Gen.Char["aZ09_+=,.@-/ \n:é"], Gen.Char.AlphaNumeric), 0, 70]
            .Select(s => s.Trim('/'))
            .Sample(path =>
            {
                var accepted = true;
                try
                {
                    RoleArns.Check(path).ShouldBe(path);
                }
                catch (UsageException)
                {
                    accepted = false;
                }
                accepted.ShouldBe(IamRolePath.IsMatch(path), path);
            }, iter: 20_000);

    private static readonly Regex IamRoleArn = new(@"^arn:aws[a-z-]*:iam::(?<account>[0-9]{12}):role/(?:[A-Za-z0-9_+=,.@-]+/)*(?<name>[A-Za-z0-9_+=,.@-]{1,64})\z");

    [Fact]
    public void A_role_arn_is_read_exactly_as_iams_pattern_reads_it() =>
        Gen.Select(Gen.OneOf(Gen.Const("aws"), Gen.Const("aws-us-gov"), Gen.String[Gen.Char["aws-cnX:"], 0, 6]),
                Gen.OneOf(Gen.Const("iam"), Gen.Const("sts")), Gen.OneOf(Gen.Const(""), Gen.Const("x")),
                Gen.OneOf(Gen.Const("123456789012"), Gen.String[Gen.Char["0123456789a"], 10, 13]),
                Gen.OneOf(Gen.Const("role/"), Gen.Const("user/"), Gen.Const("role")),
                Gen.String[Gen.OneOf(Gen.Char["aZ09_+=,.@-/ :\n"], Gen.Char.AlphaNumeric), 0, 70])
            .Select((partition, service, region, account, kind, path) => $"arn:{partition}:{service}:{region}:{account}:{kind}{path}")
            .Sample(arn =>
            {
                var m = IamRoleArn.Match(arn);
                try
                {
                    RoleArns.Parse(arn).ShouldBe((arn, m.Groups["account"].Value, m.Groups["name"].Value));
                    m.Success.ShouldBeTrue(arn);
                }
                catch (UsageException)
                {
                    m.Success.ShouldBeFalse(arn);
                }
            }, iter: 20_000);
}
