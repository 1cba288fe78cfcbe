using AwsSession.Cache;

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
