using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class IniEditTests
{
    private const string File = """
        # my keys
        [default]
        aws_access_key_id = AKIAOLD
        aws_secret_access_key = old-secret
        region = eu-west-1
        s3 =
          aws_access_key_id = nested

        [work]
        aws_access_key_id = AKIAWORK

        """;

    [Fact]
    public void Set_writes_into_a_profile_section_whose_header_has_extra_space_and_adds_no_second_one()
    {
        var text = IniEdit.Set("[profile   work]\nregion = eu-west-1\n", "profile work", "aws_session_backend", "file");

        text.ShouldBe("[profile   work]\nregion = eu-west-1\naws_session_backend = file\n");
    }

    [Fact]
    public void Remove_takes_out_only_the_named_keys_of_that_section_and_keeps_everything_else()
    {
        var (text, removed) = IniEdit.Remove(File, "default", ["aws_access_key_id", "aws_secret_access_key"]);

        removed.ShouldBe(2);
        text.ShouldNotContain("AKIAOLD");
        text.ShouldNotContain("old-secret");
        text.ShouldContain("# my keys");
        text.ShouldContain("region = eu-west-1");
        text.ShouldContain("  aws_access_key_id = nested");
        text.ShouldContain("aws_access_key_id = AKIAWORK");
    }

    [Fact]
    public void Set_replaces_a_key_in_place_or_adds_it_at_the_end_of_its_section()
    {
        var replaced = IniEdit.Set(File, "work", "aws_access_key_id", "AKIANEW");
        var added = IniEdit.Set(File, "default", "aws_session_backend", "pass");

        replaced.ShouldContain("aws_access_key_id = AKIANEW");
        replaced.ShouldNotContain("AKIAWORK");
        IniEdit.Get(added, "default", "aws_session_backend").ShouldBe("pass");
        added.IndexOf("aws_session_backend", StringComparison.Ordinal).ShouldBeLessThan(added.IndexOf("[work]", StringComparison.Ordinal));
    }

    [Fact]
    public void Set_adds_a_missing_section()
    {
        IniEdit.Set("", "profile x", "aws_session_backend", "file").ShouldBe("[profile x]\naws_session_backend = file\n");
        IniEdit.Set("# mine\n", "work", "k", "v").ShouldBe("# mine\n\n[work]\nk = v\n");
    }

    [Fact]
    public void Removing_a_profiles_keys_stops_at_the_next_header_even_one_with_a_comment()
    {
        const string credentials = "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s1\n[work] # my work keys\naws_access_key_id = AKIAWORK\naws_secret_access_key = s2\n";

        var (text, removed) = IniEdit.Remove(credentials, "default", PlaintextStore.KeyNames);

        removed.ShouldBe(2);
        text.ShouldBe("[default]\n[work] # my work keys\naws_access_key_id = AKIAWORK\naws_secret_access_key = s2\n");
        IniEdit.Get(credentials, "work", "aws_access_key_id").ShouldBe("AKIAWORK");
        IniEdit.Sections(credentials).ShouldBe(["default", "work"]);
    }

    [Fact]
    public void A_broken_header_ends_the_section_above_it_so_keys_under_it_are_never_taken_for_that_sections()
    {
        const string credentials = "[default]\naws_access_key_id = AKIADEFAULT\n[work\naws_access_key_id = AKIAWORK\n";

        IniEdit.Remove(credentials, "default", PlaintextStore.KeyNames).ShouldBe(("[default]\n[work\naws_access_key_id = AKIAWORK\n", 1));
        IniEdit.Get("[default]\n[a] b\nregion = x\n", "default", "region").ShouldBeNull();
    }

    [Fact]
    public void Keys_are_found_in_any_case_and_after_either_delimiter_as_the_AWS_CLI_reads_them()
    {
        const string credentials = "[default]\nAWS_ACCESS_KEY_ID = AKIAUPPER\nAws_Secret_Access_Key: s1\n";

        IniEdit.Get(credentials, "default", "aws_access_key_id").ShouldBe("AKIAUPPER");
        IniEdit.Remove(credentials, "default", PlaintextStore.KeyNames).ShouldBe(("[default]\n", 2));
        IniEdit.Set(credentials, "default", "aws_access_key_id", "AKIANEW").ShouldBe("[default]\naws_access_key_id = AKIANEW\nAws_Secret_Access_Key: s1\n");
    }

    [Fact]
    public void A_repeated_section_is_one_section_whose_last_key_wins_and_goes_with_every_copy()
    {
        const string credentials = "[p]\naws_access_key_id = AKIAFIRST\n[q]\nk = v\n[p]\naws_access_key_id = AKIASECOND\n";

        IniEdit.Get(credentials, "p", "aws_access_key_id").ShouldBe("AKIASECOND");
        IniEdit.Set(credentials, "p", "aws_access_key_id", "AKIANEW").ShouldContain("[p]\naws_access_key_id = AKIANEW\n");
        IniEdit.Get(IniEdit.Set(credentials, "p", "aws_access_key_id", "AKIANEW"), "p", "aws_access_key_id").ShouldBe("AKIANEW");
        IniEdit.Remove(credentials, "p", PlaintextStore.KeyNames).ShouldBe(("[p]\n[q]\nk = v\n[p]\n", 2));
        IniEdit.Sections(credentials).ShouldBe(["p", "q"]);
    }

    [Fact]
    public void A_key_goes_with_its_continuation_lines_and_an_indented_line_under_a_header_is_a_key()
    {
        const string config = "[default]\naws_session_backend = pass\n  left over\n\n  more\nregion = eu-west-1\n";

        IniEdit.Set(config, "default", "aws_session_backend", "file").ShouldBe("[default]\naws_session_backend = file\n\nregion = eu-west-1\n");
        IniEdit.Remove(config, "default", ["aws_session_backend"]).ShouldBe(("[default]\n\nregion = eu-west-1\n", 1));
        IniEdit.Get("[a]\n  k = v\n", "a", "k").ShouldBe("v");
    }

    [Fact]
    public void A_file_that_starts_with_a_BOM_or_uses_CRLF_is_read_and_edited_like_any_other()
    {
        const string credentials = "\uFEFF[default]\r\naws_access_key_id = AKIABOM\r\naws_secret_access_key = s1\r\n";

        IniEdit.Get(credentials, "default", "aws_access_key_id").ShouldBe("AKIABOM");
        IniEdit.Remove(credentials, "default", PlaintextStore.KeyNames).ShouldBe(("\uFEFF[default]\n", 2));
        IniEdit.Set(credentials, "default", "region", "eu-west-1").ShouldBe("\uFEFF[default]\naws_access_key_id = AKIABOM\naws_secret_access_key = s1\nregion = eu-west-1\n");
    }
}
