using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class StoredKeyPayloadTests
{
    private static readonly StoredKey Key = new("work", "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", DateTimeOffset.Parse("2026-01-02T03:04:05Z"));

    [Fact]
    public void A_payload_decodes_to_the_key_it_was_made_from()
    {
        StoredKeyPayload.Decode(StoredKeyPayload.Encode(Key), "work", "test entry").ShouldBe(Key);
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("{\"aws_access_key_id\":\"AKIAIOSFODNN7EXAMPLE\",\"aws_secret_access_key\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}")]
    [InlineData("{\"aws_session_key\":1,\"profile\":\"work\",\"aws_access_key_id\":\"not a key\",\"aws_secret_access_key\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}")]
    public void A_foreign_or_corrupt_entry_is_reported_without_its_content(string content)
    {
        var e = Should.Throw<AwsSessionException>(() => StoredKeyPayload.Decode(System.Text.Encoding.UTF8.GetBytes(content), "work", "test entry"));

        e.Message.ShouldContain("not an aws-session key");
        e.Line.ShouldContain("aws-session remove work");
        e.Line.ShouldNotContain("hunter2");
        e.Line.ShouldNotContain("wJalrXUtnFEMI");
    }

    [Fact]
    public void An_entry_filed_under_another_profile_is_refused()
    {
        var e = Should.Throw<AwsSessionException>(() => StoredKeyPayload.Decode(StoredKeyPayload.Encode(Key), "prod", "test entry"));

        e.Message.ShouldContain("holds the key of profile 'work', not 'prod'");
    }

    [Fact]
    public void ToString_masks_the_key_id_and_never_shows_the_secret()
    {
        Key.ToString().ShouldNotContain(Key.SecretAccessKey);
        Key.ToString().ShouldNotContain(Key.AccessKeyId);
    }
}
