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
    public void Set_adds_a_missing_section_and_an_indented_line_is_never_read_as_a_key()
    {
        var text = IniEdit.Set("", "profile x", "aws_session_backend", "file");

        text.ShouldBe("[profile x]\naws_session_backend = file\n");
        IniEdit.Get("[a]\n  k = v\n", "a", "k").ShouldBeNull();
    }
}
