using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>A role profile's source_identity, session_tags and transitive_session_tags, as AssumeRole sends them on the wire.</summary>
[Collection(MotoCollection.Name)]
public sealed class SessionAttributesTests(MotoServer moto) : ProxiedToolTests(moto, seedKeys: false)
{
    private const string Role = "arn:aws:iam::123456789012:role/Tagged";

    private string Keys => $"[base]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n";

    [Fact]
    public async Task A_role_profiles_source_identity_and_tags_go_with_its_AssumeRole_and_key_its_own_cache_entry()
    {
        Tool.WriteAwsFiles($"""
            [profile tagged]
            role_arn = {Role}
            source_profile = base
            source_identity = alice
            session_tags = team=platform, cost-center=42
            transitive_session_tags = team

            [profile plain]
            role_arn = {Role}
            source_profile = base
            """, Keys);

        var tagged = await Tool.RunAsync("--profile", "tagged", "-t", "123456");
        var sent = Proxy.LastParameters("AssumeRole");
        var plain = await Tool.RunAsync("--profile", "plain");

        tagged.ExitCode.ShouldBe(0, tagged.ToString());
        sent.ShouldNotBeNull();
        sent["SourceIdentity"].ShouldBe("alice");
        sent["Tags.member.1.Key"].ShouldBe("team");
        sent["Tags.member.1.Value"].ShouldBe("platform");
        sent["Tags.member.2.Key"].ShouldBe("cost-center");
        sent["Tags.member.2.Value"].ShouldBe("42");
        sent["TransitiveTagKeys.member.1"].ShouldBe("team");
        plain.ExitCode.ShouldBe(0, plain.ToString());
        Proxy.Calls("AssumeRole").ShouldBe(2, "the untagged profile's session is another session, not the tagged one from the cache");
        Proxy.Calls("GetSessionToken").ShouldBe(1, "both roles come from the one cached MFA session");
        Proxy.LastParameters("AssumeRole")!.Keys.ShouldNotContain(k => k.StartsWith("Tags", StringComparison.Ordinal) || k == "SourceIdentity");
    }

    [Fact]
    public async Task A_malformed_session_tags_is_a_usage_error_before_any_call_that_quotes_no_value()
    {
        Tool.WriteAwsFiles($"[profile tagged]\nrole_arn = {Role}\nsource_profile = base\nsession_tags = team:secret-value\n", Keys);

        var r = await Tool.RunAsync("--profile", "tagged", "-t", "123456");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.Stderr.ShouldContain("profile 'tagged': session_tags must be KEY=VALUE pairs");
        r.Stderr.ShouldNotContain("secret-value");
        Proxy.TotalCalls.ShouldBe(0);
    }
}
