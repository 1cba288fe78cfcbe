using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Config;

/// <summary>source_identity, session_tags and transitive_session_tags as a role profile gives them.</summary>
public sealed class SessionAttributeKeysTests
{
    private static SessionAttributes Read(string? identity = null, string? tags = null, string? transitive = null) =>
        SessionAttributeKeys.Read(new ProfileSettings("ops") { SourceIdentity = identity, SessionTags = tags, TransitiveSessionTags = transitive });

    [Fact]
    public void A_profile_without_the_keys_has_none()
    {
        Read().ShouldBeSameAs(SessionAttributes.None);
    }

    [Fact]
    public void Tags_are_comma_separated_pairs_split_at_the_first_equals_sign_and_trimmed()
    {
        var a = Read(" alice@example.com ", "team = platform, path=a/b=c ,, empty=", "team, path");

        a.SourceIdentity.ShouldBe("alice@example.com");
        a.Tags.ShouldBe([new("team", "platform"), new("path", "a/b=c"), new("empty", "")]);
        a.TransitiveTagKeys.ShouldBe(["team", "path"]);
    }

    [Theory]
    [InlineData(null, "team", null, "session_tags must be KEY=VALUE pairs")]
    [InlineData(null, "=platform", null, "session_tags must be KEY=VALUE pairs")]
    [InlineData(null, "team=plat;form", null, "session_tags must be KEY=VALUE pairs")]
    [InlineData(null, "Team=a,team=b", null, "names the key 'team' twice")]
    [InlineData(null, "team=a", "te;am", "transitive_session_tags must be tag keys")]
    [InlineData("a", null, null, "source_identity must be 2 to 64")]
    [InlineData("alice smith", null, null, "source_identity must be 2 to 64")]
    public void A_malformed_value_is_a_usage_error_naming_the_profile_and_the_key(string? identity, string? tags, string? transitive, string message)
    {
        var e = Should.Throw<UsageException>(() => Read(identity, tags, transitive));

        e.Message.ShouldStartWith("profile 'ops': ");
        e.Message.ShouldContain(message);
        e.Message.ShouldNotContain("plat;form");
        e.Message.ShouldNotContain("alice smith");
    }

    [Fact]
    public void More_than_fifty_tags_is_more_than_STS_takes()
    {
        var tags = string.Join(",", Enumerable.Range(1, 51).Select(i => $"k{i}=v"));

        Should.Throw<UsageException>(() => Read(tags: tags)).Message.ShouldContain("51 tags; STS takes at most 50");
    }
}
