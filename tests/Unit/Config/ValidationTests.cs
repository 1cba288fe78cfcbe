using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Config;

public sealed class ValidationTests
{
    [Theory]
    [InlineData("123456", true)]
    [InlineData("000000", true)]
    [InlineData("12345", false)]
    [InlineData("1234567", false)]
    [InlineData("12345a", false)]
    [InlineData(" 123456", false)]
    [InlineData("١٢٣٤٥٦", false)]
    [InlineData("", false)]
    public void An_MFA_code_is_exactly_six_ASCII_digits(string code, bool ok)
    {
        if (ok)
            Validation.MfaCode(code).ShouldBe(code);
        else
            Should.Throw<UsageException>(() => Validation.MfaCode(code)).Message.ShouldBe("--mfa-token: an MFA code is 6 digits");
    }

    [Theory]
    [InlineData("arn:aws:iam::123456789012:mfa/alice", true)]
    [InlineData("arn:aws-us-gov:iam::123456789012:mfa/path/alice", true)]
    [InlineData("arn:aws-cn:iam::123456789012:u2f/user/alice/key", true)]
    [InlineData("arn:aws:iam::12345678901:mfa/alice", false)]
    [InlineData("arn:aws:iam::123456789012:user/alice", false)]
    [InlineData("GAHT12345678", false)]
    [InlineData("arn:aws:iam::123456789012:mfa/", false)]
    public void A_device_must_be_an_MFA_device_ARN(string arn, bool ok)
    {
        if (ok)
            Validation.DeviceArn(arn).ShouldBe(arn);
        else
            Should.Throw<UsageException>(() => Validation.DeviceArn(arn)).ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("alice", true)]
    [InlineData("a.b@c,d=e+f_g-h", true)]
    [InlineData("a", false)]
    [InlineData("has space", false)]
    [InlineData("semi;colon", false)]
    public void A_session_name_uses_the_characters_and_length_STS_accepts(string name, bool ok)
    {
        if (ok)
            Validation.SessionName(name).ShouldBe(name);
        else
            Should.Throw<UsageException>(() => Validation.SessionName(name));
        Should.Throw<UsageException>(() => Validation.SessionName(new string('a', 65)));
    }

    [Theory]
    [InlineData("abc:def/ghi", true)]
    [InlineData("x", false)]
    [InlineData("bad id", false)]
    [InlineData("quote'", false)]
    public void An_external_id_uses_the_characters_and_length_STS_accepts(string id, bool ok)
    {
        if (ok)
            Validation.ExternalId(id).ShouldBe(id);
        else
            Should.Throw<UsageException>(() => Validation.ExternalId(id));
        Should.Throw<UsageException>(() => Validation.ExternalId(new string('a', 1225)));
        Validation.ExternalId(new string('a', 1224)).Length.ShouldBe(1224);
    }

    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("a", "aws-session-a")]
    [InlineData(null, "aws-session")]
    [InlineData("al ice;", "alice")]
    public void Derived_session_names_are_made_acceptable(string? raw, string expected)
    {
        Validation.SanitizeSessionName(raw).ShouldBe(expected);
        Validation.SanitizeSessionName(new string('x', 100)).Length.ShouldBe(64);
    }

    [Fact]
    public void Values_quoted_in_errors_are_bounded_and_free_of_control_characters()
    {
        var shown = ErrorText.Printable("a\nb\u001b[31m" + new string('z', 200));

        shown.ShouldNotContain("\n");
        shown.ShouldNotContain("\u001b");
        shown.Length.ShouldBe(80);
    }

    [Fact]
    public void A_trailing_newline_is_never_accepted()
    {
        Should.Throw<UsageException>(() => Validation.MfaCode("123456\n"));
        Should.Throw<UsageException>(() => Validation.DeviceArn("arn:aws:iam::123456789012:mfa/alice\n"));
        Should.Throw<UsageException>(() => Validation.SessionName("my-session\n"));
        Should.Throw<UsageException>(() => Validation.ExternalId("external-id\n"));
    }

    [Theory]
    [InlineData("us-east-1", true)]
    [InlineData("us-gov-west-1", true)]
    [InlineData("eusc-de-east-1", true)]
    [InlineData("local", true)]
    [InlineData("", false)]
    [InlineData("us east", false)]
    [InlineData("us-east-1\n", false)]
    [InlineData("\nus-east-1", false)]
    [InlineData("us-east-1.evil.example", false)]
    [InlineData("us-east-1/", false)]
    [InlineData("-us-east-1", false)]
    public void A_region_is_one_host_name_label(string region, bool ok)
    {
        if (ok)
            Validation.Region(region, "--region").ShouldBe(region);
        else
            Should.Throw<UsageException>(() => Validation.Region(region, "--region")).Message.ShouldStartWith("--region: '");
    }
}
