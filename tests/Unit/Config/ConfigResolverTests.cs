using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Config;

public sealed class ConfigResolverTests
{
    private static readonly ProfileSettings Default = new("default") { AccessKeyId = "AKIADEFAULT000000000", SecretAccessKey = "default-secret", Region = "eu-west-1" };
    private static readonly ProfileSettings Work = new("work") { AccessKeyId = "AKIAWORK000000000000", SecretAccessKey = "work-secret", MfaSerial = "arn:aws:iam::1:mfa/w", MfaProcess = "pass otp work" };
    private static readonly (string, string)[] EnvKeys = [("AWS_ACCESS_KEY_ID", "AKIAENV0000000000000"), ("AWS_SECRET_ACCESS_KEY", "env-secret")];

    private static ResolvedConfig Resolve(EnvironmentVariables env, FakeProfiles profiles, SessionOptions? options = null) =>
        new ConfigResolver(env, profiles).Resolve(new Invocation(new MfaMode(), options ?? new SessionOptions()));

    [Fact]
    public void Environment_keys_win_over_AWS_PROFILE_and_the_profile_still_supplies_mfa_settings()
    {
        var config = Resolve(Env.Of([.. EnvKeys, ("AWS_PROFILE", "work")]), new FakeProfiles(Default, Work));

        config.Keys.Credentials.AccessKeyId.ShouldBe("AKIAENV0000000000000");
        config.Keys.Origin.ShouldBe("environment");
        config.MfaSerial.ShouldBe(Work.MfaSerial);
        config.MfaProcess.ShouldBe("pass otp work");
    }

    [Fact]
    public void An_explicit_profile_wins_over_environment_keys()
    {
        var config = Resolve(Env.Of(EnvKeys), new FakeProfiles(Default, Work), new SessionOptions { Profile = "work" });

        config.Keys.Credentials.AccessKeyId.ShouldBe(Work.AccessKeyId);
        config.ProfileName.ShouldBe("work");
    }

    [Fact]
    public void A_role_profile_with_credential_source_Environment_assumes_its_role_from_the_environment_keys()
    {
        var ci = new ProfileSettings("ci") { RoleArn = "arn:aws:iam::2:role/Deploy", CredentialSource = "Environment", MfaSerial = "arn:aws:iam::1:mfa/ci", Region = "eu-central-1" };

        var config = Resolve(Env.Of(EnvKeys), new FakeProfiles(Default, ci), new SessionOptions { Profile = "ci" });

        config.Keys.Credentials.AccessKeyId.ShouldBe("AKIAENV0000000000000");
        config.Keys.Origin.ShouldBe("environment (credential_source of profile 'ci')");
        config.ProfileRoles.Select(r => r.RoleArn).ShouldBe(["arn:aws:iam::2:role/Deploy"]);
        config.MfaSerial.ShouldBe("arn:aws:iam::1:mfa/ci");
        config.Region.ShouldBe("eu-central-1");
        config.BaseIsSession.ShouldBeFalse();
        Resolve(Env.Of([.. EnvKeys, ("AWS_SESSION_TOKEN", "token")]), new FakeProfiles(ci), new SessionOptions { Profile = "ci" }).BaseIsSession.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Environment", null, "profile 'ci' has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set")]
    [InlineData("Environment", "default", "profile 'ci' has both source_profile and credential_source; only one of them can be its source")]
    [InlineData("Ec2InstanceMetadata", null, "profile 'ci': credential_source Ec2InstanceMetadata is not supported by aws-session")]
    [InlineData("environment", null, "profile 'ci': credential_source must be Environment, Ec2InstanceMetadata or EcsContainer")]
    public void A_credential_source_aws_session_cannot_use_says_why(string source, string? sourceProfile, string message)
    {
        var ci = new ProfileSettings("ci") { RoleArn = "arn:aws:iam::2:role/Deploy", CredentialSource = source, SourceProfile = sourceProfile };

        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(Default, ci), new SessionOptions { Profile = "ci" })).Message.ShouldBe(message);
    }

    [Fact]
    public void AWS_PROFILE_is_used_when_the_environment_has_no_keys()
    {
        Resolve(Env.Of(("AWS_PROFILE", "work")), new FakeProfiles(Default, Work)).Keys.Credentials.AccessKeyId.ShouldBe(Work.AccessKeyId);
        Resolve(Env.Of(), new FakeProfiles(Default, Work)).Keys.Credentials.AccessKeyId.ShouldBe(Default.AccessKeyId);
    }

    [Fact]
    public void Region_comes_from_the_flag_then_AWS_REGION_then_AWS_DEFAULT_REGION_then_the_profile()
    {
        var profiles = new FakeProfiles(Default);
        Resolve(Env.Of(("AWS_REGION", "us-west-2"), ("AWS_DEFAULT_REGION", "ap-south-1")), profiles, new SessionOptions { Region = "ca-central-1" }).Region.ShouldBe("ca-central-1");
        Resolve(Env.Of(("AWS_REGION", "us-west-2"), ("AWS_DEFAULT_REGION", "ap-south-1")), profiles).Region.ShouldBe("us-west-2");
        Resolve(Env.Of(("AWS_DEFAULT_REGION", "ap-south-1")), profiles).Region.ShouldBe("ap-south-1");
        Resolve(Env.Of(), profiles).Region.ShouldBe("eu-west-1");
        Resolve(Env.Of(EnvKeys), new FakeProfiles()).StsRegion.ShouldBe("us-east-1");
    }

    [Fact]
    public void The_CA_bundle_is_AWS_CA_BUNDLE_else_the_ca_bundle_of_the_profile_the_run_uses()
    {
        var work = Work with { CaBundle = "/etc/work.pem" };
        var admin = new ProfileSettings("admin") { RoleArn = "arn:aws:iam::2:role/Admin", SourceProfile = "work", CaBundle = "/etc/admin.pem" };
        var sso = new ProfileSettings("sso")
        {
            SsoStartUrl = "https://example.awsapps.com/start", SsoRegion = "eu-west-1", SsoAccountId = "111111111111", SsoRoleName = "Dev", CaBundle = "/etc/sso.pem",
        };
        var profiles = new FakeProfiles(Default, work, admin, sso);

        Resolve(Env.Of(), profiles, new SessionOptions { Profile = "work" }).Reach.CaBundle.ShouldBe(new CaBundle("/etc/work.pem", "profile 'work': ca_bundle"));
        // As botocore reads it: the invoked profile's, not its source profile's.
        Resolve(Env.Of(), profiles, new SessionOptions { Profile = "admin" }).Reach.CaBundle.ShouldBe(new CaBundle("/etc/admin.pem", "profile 'admin': ca_bundle"));
        Resolve(Env.Of(), profiles, new SessionOptions { Profile = "sso" }).Reach.CaBundle!.Path.ShouldBe("/etc/sso.pem");
        // Keys in the environment: the profile AWS_PROFILE names still supplies it, as it supplies the region.
        Resolve(Env.Of([.. EnvKeys, ("AWS_PROFILE", "work")]), profiles).Reach.CaBundle!.Path.ShouldBe("/etc/work.pem");
        Resolve(Env.Of(("AWS_CA_BUNDLE", "/etc/env.pem")), profiles, new SessionOptions { Profile = "work" }).Reach.CaBundle.ShouldBe(new CaBundle("/etc/env.pem", "AWS_CA_BUNDLE"));
        Resolve(Env.Of(), profiles).Reach.CaBundle.ShouldBeNull();
    }

    [Fact]
    public void A_role_profile_resolves_through_its_source_profile()
    {
        var admin = new ProfileSettings("admin") { RoleArn = "arn:aws:iam::2:role/Admin", SourceProfile = "work", ExternalId = "ext-1", DurationSeconds = 1800 };

        var config = Resolve(Env.Of(), new FakeProfiles(Work, admin), new SessionOptions { Profile = "admin" });

        config.Keys.Credentials.AccessKeyId.ShouldBe(Work.AccessKeyId);
        config.MfaSerial.ShouldBe(Work.MfaSerial);
        config.ProfileRoles.ShouldHaveSingleItem().ShouldBe(new ProfileRole("admin", "arn:aws:iam::2:role/Admin", "ext-1", null, TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void Chained_roles_are_listed_innermost_first()
    {
        var a = new ProfileSettings("a") { RoleArn = "arn:aws:iam::2:role/A", SourceProfile = "work" };
        var b = new ProfileSettings("b") { RoleArn = "arn:aws:iam::3:role/B", SourceProfile = "a" };

        var config = Resolve(Env.Of(), new FakeProfiles(Work, a, b), new SessionOptions { Profile = "b" });

        config.ProfileRoles.Select(r => r.Profile).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void A_source_profile_loop_is_an_error_not_a_hang()
    {
        var a = new ProfileSettings("a") { RoleArn = "arn:aws:iam::2:role/A", SourceProfile = "b" };
        var b = new ProfileSettings("b") { RoleArn = "arn:aws:iam::3:role/B", SourceProfile = "a" };

        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(a, b), new SessionOptions { Profile = "a" })).Message.ShouldContain("loop");
    }

    [Fact]
    public void A_missing_profile_is_a_usage_error_naming_where_it_came_from()
    {
        var flag = Should.Throw<UsageException>(() => Resolve(Env.Of(), new FakeProfiles(Default), new SessionOptions { Profile = "nope" }));
        flag.Message.ShouldContain("profile 'nope' not found");
        flag.Hint!.ShouldContain("list-profiles");

        var env = Should.Throw<UsageException>(() => Resolve(Env.Of(("AWS_PROFILE", "stale")), new FakeProfiles(Default)));
        env.Hint!.ShouldContain("AWS_PROFILE");
    }

    [Fact]
    public void No_credentials_anywhere_is_a_runtime_error_with_a_hint()
    {
        var e = Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles()));

        e.ShouldNotBeOfType<UsageException>();
        e.Message.ShouldBe("no AWS credentials found");
        e.Hint!.ShouldContain("AWS_ACCESS_KEY_ID");
    }

    [Fact]
    public void A_profile_without_keys_says_which_profile()
    {
        var e = Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(new ProfileSettings("default") { Region = "us-east-1" })));

        e.Message.ShouldContain("profile 'default' has no aws_access_key_id");
    }

    [Fact]
    public void AWS_PROFILE_naming_an_aws_session_profile_is_ignored_and_an_explicit_profile_still_wins()
    {
        var prod = new ProfileSettings("prod") { CredentialProcess = "aws-session credential-process pose 123456789012" };

        Resolve(Env.Of(("AWS_PROFILE", "prod")), new FakeProfiles(Default, prod)).Keys.ProfileName.ShouldBe("default");
        Resolve(Env.Of(("AWS_DEFAULT_PROFILE", "prod")), new FakeProfiles(Default, prod)).Keys.ProfileName.ShouldBe("default");
        Resolve(Env.Of(("AWS_PROFILE", "prod")), new FakeProfiles(Default, prod, Work), new SessionOptions { Profile = "work" }).Keys.ProfileName.ShouldBe("work");
        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(Default, prod), new SessionOptions { Profile = "prod" }))
            .Message.ShouldContain("gets its credentials from aws-session itself");
        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(("AWS_PROFILE", "prod")), new FakeProfiles(prod, prod with { Name = "default" })))
            .Message.ShouldContain("gets its credentials from aws-session itself");
    }

    [Fact]
    public void A_credential_process_that_is_aws_session_itself_is_refused()
    {
        var self = new ProfileSettings("default") { CredentialProcess = "aws-session credential-process --profile work" };
        var other = new ProfileSettings("default") { CredentialProcess = "/usr/bin/vault-creds" };

        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(self))).Message.ShouldContain("from aws-session itself");
        Should.Throw<AwsSessionException>(() => Resolve(Env.Of(), new FakeProfiles(other))).Message.ShouldContain("uses credential_process");
    }

    [Fact]
    public void A_session_token_in_the_environment_marks_the_base_as_a_session()
    {
        var config = Resolve(Env.Of([.. EnvKeys, ("AWS_SESSION_TOKEN", "tok"), ("AWS_SESSION_IDENTITY", "mfa:arn:aws:iam::1:mfa/a")]), new FakeProfiles());

        config.BaseIsSession.ShouldBeTrue();
        config.EnvironmentIdentity.ShouldBe(SessionIdentity.Mfa("arn:aws:iam::1:mfa/a"));
    }

    [Theory]
    [InlineData("tok", "2026-12-04T14:18:07Z", "2026-12-04T14:18:07+00:00")]
    [InlineData("tok", "2026-12-04T14:18:07", "2026-12-04T14:18:07+00:00")]
    [InlineData("tok", "2026-12-04T16:18:07.5+02:00", "2026-12-04T14:18:07.5+00:00")]
    [InlineData("tok", "soon", null)]
    [InlineData("tok", null, null)]
    [InlineData(null, "2026-12-04T14:18:07Z", null)]
    public void An_environment_session_expires_when_AWS_CREDENTIAL_EXPIRATION_says_and_long_lived_keys_never(string? token, string? expiration, string? expected)
    {
        var vars = new List<(string, string)>(EnvKeys);
        if (token is not null)
            vars.Add(("AWS_SESSION_TOKEN", token));
        if (expiration is not null)
            vars.Add(("AWS_CREDENTIAL_EXPIRATION", expiration));

        var config = Resolve(Env.Of([.. vars]), new FakeProfiles());

        config.Keys.Credentials.Expiration.ShouldBe(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_nested_credential_process_is_refused_before_any_profile_is_read()
    {
        var resolver = new ConfigResolver(Env.Of((ChildEnvironmentNames.CredentialProcess, "outer")), new FakeProfiles());

        var e = Should.Throw<AwsSessionException>(() => resolver.Resolve(new Invocation(new MfaMode(), new SessionOptions { Profile = "inner", ForCredentialProcess = true })));

        e.Message.ShouldBe("credential-process for profile 'outer' started credential-process again (for 'inner'); that would loop");
    }

    [Fact]
    public void A_first_credential_process_names_the_profile_it_serves_and_other_runs_name_none()
    {
        var env = Env.Of([.. EnvKeys, ("AWS_PROFILE", "work")]);
        var profiles = new FakeProfiles(Work);

        new ConfigResolver(env, profiles).Resolve(new Invocation(new MfaMode(), new SessionOptions { ForCredentialProcess = true })).CredentialProcessProfile.ShouldBe("work");
        Resolve(env, profiles).CredentialProcessProfile.ShouldBeNull();
    }

    [Fact]
    public void The_mfa_process_flag_wins_over_the_profile()
    {
        Resolve(Env.Of(), new FakeProfiles(Work), new SessionOptions { Profile = "work", MfaProcess = "echo 123456" }).MfaProcess.ShouldBe("echo 123456");
    }
}
