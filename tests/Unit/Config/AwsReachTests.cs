using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Config;

/// <summary>Configured endpoints in botocore's order (its EndpointConfigProvider), over the files as SharedProfileStore reads them.</summary>
public sealed class AwsReachTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-session-reach-").FullName;

    private const string Config = """
        [profile dev]
        endpoint_url = http://profile.example:4566
        services = local

        [services local]
        sts =
          endpoint_url = http://sts.example:4566
        sso_oidc =
          endpoint_url = http://oidc.example:4566

        [profile plain]
        region = eu-west-1

        [profile broken]
        services = missing

        [profile federal]
        use_fips_endpoint = true
        use_dualstack_endpoint = True
        """;

    private AwsReach Reach(string profile, params (string, string)[] env)
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, Config);
        var variables = Env.Of([.. env, ("AWS_CONFIG_FILE", path), ("HOME", _dir)]);
        var store = new SharedProfileStore(variables);
        return AwsReach.Resolve(variables, store.Find(profile), store);
    }

    [Fact]
    public void A_service_variable_then_AWS_ENDPOINT_URL_then_the_services_section_then_the_profiles_endpoint_url()
    {
        Reach("dev", ("AWS_ENDPOINT_URL_STS", "http://env-sts:1"), ("AWS_ENDPOINT_URL", "http://env:1")).Configured("STS").ShouldBe(new Uri("http://env-sts:1"));
        Reach("dev", ("AWS_ENDPOINT_URL", "http://env:1")).Configured("STS").ShouldBe(new Uri("http://env:1"));
        Reach("dev").Configured("STS").ShouldBe(new Uri("http://sts.example:4566"));
        Reach("dev").Configured("SSO_OIDC").ShouldBe(new Uri("http://oidc.example:4566"));
        Reach("dev").Configured("IAM").ShouldBe(new Uri("http://profile.example:4566"));
        Reach("plain").Configured("IAM").ShouldBeNull();
    }

    [Fact]
    public void A_configured_endpoint_keeps_the_partitions_signing_region()
    {
        Reach("dev").Endpoint("IAM", "us-gov-west-1").ShouldBe(new ServiceEndpoint(new Uri("http://profile.example:4566"), "us-gov-west-1"));
        Reach("plain").Endpoint("STS", "eu-west-1").ShouldBe(Endpoints.Standard("STS", "eu-west-1"));
    }

    [Fact]
    public void FIPS_and_dual_stack_are_the_variables_else_the_profiles_keys()
    {
        Reach("federal").Endpoint("STS", "us-east-1").Url.ShouldBe(new Uri("https://sts-fips.us-east-1.api.aws/"));
        Reach("federal", ("AWS_USE_FIPS_ENDPOINT", "false")).Endpoint("STS", "us-east-1").Url.ShouldBe(new Uri("https://sts.us-east-1.api.aws/"));
        Reach("plain", ("AWS_USE_FIPS_ENDPOINT", "TRUE")).Endpoint("IAM", "eu-west-1").Url.ShouldBe(new Uri("https://iam-fips.amazonaws.com/"));
        Reach("plain", ("AWS_USE_DUALSTACK_ENDPOINT", "yes")).Variant.ShouldBe(EndpointVariant.None, "only \"true\" is true, as botocore reads it");
    }

    [Fact]
    public void A_configured_endpoint_is_used_as_it_is_with_FIPS_asked_for()
    {
        Reach("dev", ("AWS_USE_FIPS_ENDPOINT", "true")).Endpoint("STS", "us-east-1").Url.ShouldBe(new Uri("http://sts.example:4566"));
    }

    [Fact]
    public void Ignoring_configured_endpoints_ignores_the_variables_too_and_the_variable_wins_over_the_profile()
    {
        Reach("dev", ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "TRUE"), ("AWS_ENDPOINT_URL", "http://env:1")).Configured("STS").ShouldBeNull();
        var ignoring = new ProfileSettings("dev") { EndpointUrl = "http://profile.example:4566", IgnoreConfiguredEndpointUrls = "true" };
        AwsReach.Resolve(Env.Of(("AWS_ENDPOINT_URL", "http://env:1")), ignoring, new FakeProfiles()).Configured("STS").ShouldBeNull();
        AwsReach.Resolve(Env.Of(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false")), ignoring, new FakeProfiles()).Configured("STS")
            .ShouldBe(new Uri("http://profile.example:4566"));
    }

    [Fact]
    public void A_services_name_without_its_section_is_a_usage_error_naming_both()
    {
        var e = Should.Throw<UsageException>(() => Reach("broken"));

        e.Message.ShouldBe("profile 'broken': services 'missing' names no [services missing] section in the AWS config file");
    }

    [Fact]
    public void Dual_stack_where_the_partition_has_none_is_a_usage_error_unless_the_endpoint_is_configured()
    {
        var e = Should.Throw<UsageException>(() => Reach("plain", ("AWS_USE_DUALSTACK_ENDPOINT", "true")).Endpoint("STS", "eu-isoe-west-1"));
        e.Message.ShouldBe("sts has no dual-stack endpoint in eu-isoe-west-1 (aws-iso-e)");
        e.Hint.ShouldNotBeNull().ShouldContain("AWS_USE_DUALSTACK_ENDPOINT");

        Reach("dev", ("AWS_USE_DUALSTACK_ENDPOINT", "true")).Endpoint("IAM", "us-isof-east-1")
            .ShouldBe(new ServiceEndpoint(new Uri("http://profile.example:4566"), "us-isof-south-1"));
    }

    [Fact]
    public void A_configured_value_that_is_no_url_fails_where_it_is_needed_without_quoting_it()
    {
        var profile = new ProfileSettings("dev") { EndpointUrl = "user:secret-password" };
        var reach = AwsReach.Resolve(Env.Of(), profile, new FakeProfiles());

        var e = Should.Throw<UsageException>(() => reach.Endpoint("STS", "eu-west-1"));

        e.Message.ShouldBe("profile 'dev': endpoint_url is not an http(s) URL");
        e.Message.ShouldNotContain("secret-password");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
