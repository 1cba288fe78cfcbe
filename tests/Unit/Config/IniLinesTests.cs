using AwsSession.Config;
using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Config;

/// <summary>The AWS files' lines read once, the way botocore reads them, for every reader and editor of them.</summary>
public sealed class IniLinesTests
{
    [Fact]
    public void Each_line_is_a_header_key_continuation_blank_or_malformed()
    {
        var lines = IniLines.Read("\uFEFF[default] ; the usual\n# note\n  region = eu-west-1\ns3 =\n  max_concurrent_requests = 10\n\n  ; indented note\n  addressing_style = path\nAWS_Access_Key_ID = AKIA\nnothing\n  indented = after a malformed line\n[broken\n");

        lines.Select(l => (l.Kind, l.Name, l.Value)).ShouldBe([
            (IniLineKind.Header, "default", ""),
            (IniLineKind.Blank, "", ""),
            (IniLineKind.Key, "region", "eu-west-1"),
            (IniLineKind.Key, "s3", ""),
            (IniLineKind.Continuation, "", ""),
            (IniLineKind.Blank, "", ""),
            (IniLineKind.Blank, "", ""),
            (IniLineKind.Continuation, "", ""),
            (IniLineKind.Key, "AWS_Access_Key_ID", "AKIA"),
            (IniLineKind.Malformed, "", ""),
            (IniLineKind.Key, "indented", "after a malformed line"),
            (IniLineKind.BrokenHeader, "", ""),
        ]);
        lines[0].Raw.ShouldBe("\uFEFF[default] ; the usual");
    }

    [Theory]
    [InlineData("[profile   work]", "profile work")]
    [InlineData("[profile\twork]", "profile work")]
    [InlineData("[profile \"my work\"]", "profile my work")]
    [InlineData("[profile 'my work']", "profile my work")]
    [InlineData("[sso-session  corp]", "sso-session corp")]
    [InlineData("[services\tlocal]", "services local")]
    [InlineData("[profile work]", "profile work")]
    [InlineData("[profile my work]", "profile my work")]
    [InlineData("[profile \"unclosed]", "profile \"unclosed")]
    [InlineData("[Work  Space]", "Work  Space")]
    public void A_profile_sso_session_or_services_header_is_named_as_botocore_splits_it(string header, string name)
    {
        IniLines.Read(header).Single().ShouldBe(new IniLine(IniLineKind.Header, header, name));
    }

    [Theory]
    [InlineData("[a]\nk = v\n")]
    [InlineData("[a]\r\nk = v\r\n")]
    [InlineData("[a]\rk = v\r")]
    [InlineData("[a]\nk = v")]
    public void Lines_end_at_LF_CRLF_or_CR_and_a_last_line_break_starts_no_line(string text)
    {
        IniLines.Read(text).Select(l => l.Raw).ShouldBe(["[a]", "k = v"]);
    }

    [Fact]
    public void An_indented_line_after_a_key_with_a_value_continues_it_as_botocore_reads_it()
    {
        var lines = IniLines.Read("[default]\nregion = us-east-1\n  aws_secret_access_key = SECRET\n");

        lines[2].Kind.ShouldBe(IniLineKind.Continuation);
        IniFile.Parse("[default]\nregion = us-east-1\n  aws_secret_access_key = SECRET\n").Section("default")!.Keys.ShouldBe(["region"]);
    }

    /// <summary>Files whose lines the readers used to take apart each in its own way.</summary>
    public static TheoryData<string> Files() => new()
    {
        "[default]\naws_access_key_id = AKIAD\n[work] # comment\naws_access_key_id = AKIAW\nregion = eu-west-1\n",
        "\uFEFF[default]\r\nAWS_ACCESS_KEY_ID = AKIAD\r\nRegion = eu-west-1\r\n",
        "[default]\rregion = eu-west-1\raws_secret_access_key = SECRET\r",
        "[p]\nregion = us-east-1\n  aws_secret_access_key = SECRET\nmfa_serial = arn:aws:iam::1:mfa/a\n",
        "[p]\n  region = eu-west-1\ns3 =\n  region = nested\n\n# c\n  aws_access_key_id = nested\noutput = json\n",
        "[p]\naws_access_key_id = A1\n[q]\nregion = x\n[p]\naws_access_key_id = A2\nregion = y\n",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_reader_and_editor_agrees_on_what_a_file_holds(string text)
    {
        var ini = IniFile.Parse(text);
        var filtered = IniFile.Parse(CredentialFreeConfig.Filter(text));

        IniEdit.Sections(text).ShouldBe(ini.SectionNames.ToList());
        foreach (var section in ini.SectionNames)
        {
            var keys = ini.Section(section)!;
            foreach (var (key, value) in keys)
            {
                IniEdit.Get(text, section, key.ToUpperInvariant()).ShouldBe(value, $"[{section}] {key}");
                IniEdit.Get(IniEdit.Set(text, section, key, "new"), section, key).ShouldBe("new");
            }
            var (removed, count) = IniEdit.Remove(text, section, keys.Keys.ToList());
            count.ShouldBeGreaterThanOrEqualTo(keys.Count);
            (IniFile.Parse(removed).Section(section)?.Count ?? 0).ShouldBe(0, $"[{section}] after removing its keys");
            foreach (var other in ini.SectionNames.Where(s => s != section))
                IniFile.Parse(removed).Section(other).ShouldBe(ini.Section(other), $"[{other}] untouched");
            filtered.Section(section)!.ShouldBe(keys.Where(k => !CredentialFreeConfig.IsCredentialKey(k.Key)), ignoreOrder: true);
        }
    }
}
