using AwsSession.Cache;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Cache;

public sealed class CacheKeysTests
{
    [Fact]
    public void The_same_base_identity_gives_the_same_MFA_key()
    {
        CacheKeys.MfaSession("AKIA1", "default", "arn:aws:iam::1:mfa/a")
            .ShouldBe(CacheKeys.MfaSession("AKIA1", "default", "arn:aws:iam::1:mfa/a"));
    }

    [Theory]
    [InlineData("AKIA2", "default", "arn:aws:iam::1:mfa/a")]
    [InlineData("AKIA1", "work", "arn:aws:iam::1:mfa/a")]
    [InlineData("AKIA1", "default", "arn:aws:iam::1:mfa/b")]
    [InlineData("AKIA1", "default", null)]
    public void Another_access_key_profile_or_device_gives_another_MFA_key(string key, string profile, string? serial)
    {
        CacheKeys.MfaSession(key, profile, serial).ShouldNotBe(CacheKeys.MfaSession("AKIA1", "default", "arn:aws:iam::1:mfa/a"));
    }

    [Fact]
    public void Role_keys_depend_on_source_role_external_id_and_session_name()
    {
        var baseline = CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null);
        CacheKeys.RoleSession("mfa-y", "arn:aws:iam::1:role/A", null, null).ShouldNotBe(baseline);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/B", null, null).ShouldNotBe(baseline);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", "ext", null).ShouldNotBe(baseline);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, "me").ShouldNotBe(baseline);
    }

    [Fact]
    public void Role_keys_depend_on_the_source_identity_and_tags_in_no_particular_order_and_stay_as_they_were_without_them()
    {
        var baseline = CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null);
        var tagged = new SessionAttributes("alice", [new("team", "a"), new("cc", "42")], ["team"]);
        var reordered = new SessionAttributes("alice", [new("cc", "42"), new("team", "a")], ["team"]);

        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, SessionAttributes.None).ShouldBe(baseline);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null).ShouldBe("role-" + CacheKeys.Hash("role", "mfa-x", "arn:aws:iam::1:role/A", "", "(default)"),
            "a profile without attributes keeps the entry it had");
        var key = CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, tagged);
        key.ShouldNotBe(baseline);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, reordered).ShouldBe(key);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, tagged with { SourceIdentity = "bob" }).ShouldNotBe(key);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, tagged with { TransitiveTagKeys = [] }).ShouldNotBe(key);
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/A", null, null, tagged with { Tags = [new("team", "b"), new("cc", "42")] }).ShouldNotBe(key);
    }

    [Fact]
    public void Keys_are_what_they_have_always_been_so_an_upgrade_finds_the_sessions_cached_before_it()
    {
        // SHA-256 of "3:mfa\n20:AKIAIOSFODNN7EXAMPLE\n7:default\n20:arn:aws:iam::1:mfa/a\n", and so on, first 16 bytes in hex.
        CacheKeys.MfaSession("AKIAIOSFODNN7EXAMPLE", "default", "arn:aws:iam::1:mfa/a").ShouldBe("mfa-07585da28ea145be2f8b93c360a74f97");
        CacheKeys.RoleSession("mfa-x", "arn:aws:iam::1:role/\u00c4", null, null).ShouldBe("role-5524c5adca95c21cd14240f1a82c3ca1");
        CacheKeys.Recent(new string('\u00e9', 600)).ShouldBe("recent-434f931395a0e26980e64247ef738e16", "a long part, past the stack buffer");
    }

    [Fact]
    public void Parts_cannot_run_into_each_other()
    {
        CacheKeys.Hash("ab", "c").ShouldNotBe(CacheKeys.Hash("a", "bc"));
    }

    [Fact]
    public void Keys_are_file_name_safe_and_reveal_no_key_id()
    {
        var key = CacheKeys.MfaSession("AKIAIOSFODNN7EXAMPLE", "default", "arn:aws:iam::1:mfa/a");
        key.ShouldMatch("^mfa-[0-9a-f]{32}$");
        key.ShouldNotContain("AKIA");
    }
}
