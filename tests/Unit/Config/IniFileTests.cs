using AwsSession.Config;

namespace AwsSession.Tests.Unit.Config;

/// <summary>The AWS files read the way the AWS CLI reads them.</summary>
public sealed class IniFileTests
{
    [Fact]
    public void Sections_hold_their_keys_with_comments_blanks_CRLF_and_a_BOM_ignored()
    {
        var ini = IniFile.Parse("\uFEFF# top\r\n[default]  ; the usual\r\nregion = eu-west-1\r\n\r\n; note\r\n[profile work]\r\n  mfa_serial=arn:aws:iam::1:mfa/a  \r\n");

        ini.SectionNames.ShouldBe(["default", "profile work"]);
        ini.Section("default")!["region"].ShouldBe("eu-west-1");
        ini.Section("profile work")!["mfa_serial"].ShouldBe("arn:aws:iam::1:mfa/a");
    }

    [Fact]
    public void Keys_are_found_in_any_case_and_values_keep_what_follows_the_first_equals_sign()
    {
        var section = IniFile.Parse("[p]\nAWS_Access_Key_ID = AKIA\nmfa_process = pass otp aws # not a comment\nsecret = a=b=\n").Section("p")!;

        section["aws_access_key_id"].ShouldBe("AKIA");
        section["mfa_process"].ShouldBe("pass otp aws # not a comment");
        section["secret"].ShouldBe("a=b=");
    }

    [Fact]
    public void A_key_ends_at_its_first_equals_sign_or_colon_as_botocore_reads_it()
    {
        var section = IniFile.Parse("[p]\nregion: eu-west-1\nendpoint_url = http://localhost:4566\nnote: a = b\n").Section("p")!;

        section["region"].ShouldBe("eu-west-1");
        section["endpoint_url"].ShouldBe("http://localhost:4566");
        section["note"].ShouldBe("a = b");
    }

    [Fact]
    public void An_indented_nested_section_never_becomes_keys_of_the_profile()
    {
        var section = IniFile.Parse("[profile p]\ns3 =\n  max_concurrent_requests = 10\n  region = nowhere\nregion = eu-west-1\n").Section("profile p")!;

        section["region"].ShouldBe("eu-west-1");
        section.ContainsKey("max_concurrent_requests").ShouldBeFalse();
        section["s3"].ShouldBe("");
    }

    [Fact]
    public void A_key_with_no_value_of_its_own_nests_the_keys_of_its_continuation_lines()
    {
        var file = IniFile.Parse("[services local]\nsts =\n  endpoint_url = http://localhost:4566\n\n  # a note\n  Region=eu-west-1\niam = http://not-nested\n  endpoint_url = ignored\n");

        file.Nested("services local", "STS").ShouldBe(new Dictionary<string, string> { ["endpoint_url"] = "http://localhost:4566", ["Region"] = "eu-west-1" });
        file.Nested("services local", "iam").ShouldBeNull();
        file.Section("services local")!["sts"].ShouldBe("");
    }

    [Fact]
    public void A_repeated_section_adds_to_the_first_and_the_last_value_of_a_key_wins()
    {
        var section = IniFile.Parse("[p]\na = 1\nb = 1\n[q]\n[p]\nb = 2\n").Section("p")!;

        (section["a"], section["b"]).ShouldBe(("1", "2"));
    }

    [Theory]
    [InlineData("[profile work\nregion = x\n", 1)]
    [InlineData("[default]\naws_secret_access_key SECRET\n", 2)]
    [InlineData("region = x\n[default]\n", 1)]
    [InlineData("[default]\n= value\n", 2)]
    [InlineData("[]\n", 1)]
    [InlineData("[a] b\n", 1)]
    public void A_line_that_is_no_section_key_or_comment_is_named_by_its_number_only(string text, int line)
    {
        var e = Should.Throw<MalformedIniException>(() => IniFile.Parse(text));

        e.LineNumber.ShouldBe(line);
        e.Message.ShouldNotContain("SECRET");
    }
}
