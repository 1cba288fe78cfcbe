using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>Endpoints from the config file (endpoint_url, [services NAME]), as botocore takes them; no AWS_ENDPOINT_URL.</summary>
[Collection(MotoCollection.Name)]
public sealed class ConfiguredEndpointsTests : ProxiedToolTests
{
    public ConfiguredEndpointsTests(MotoServer moto) : base(moto) => Tool.Unset("AWS_ENDPOINT_URL");

    [Fact]
    public async Task The_profiles_endpoint_url_takes_every_call_there_as_it_takes_boto3s()
    {
        Tool.WriteAwsFiles($"[default]\nendpoint_url = {Proxy.Url}\n");

        var r = await Tool.RunAsync("pose", "prod", "-t", "123456");
        var boto3 = await Tool.ShellAsync("python3 -c 'import boto3; print(boto3.client(\"sts\", region_name=\"us-east-1\").get_caller_identity()[\"Account\"])'");

        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls("ListAccounts").ShouldBeGreaterThan(0);
        Proxy.Calls("AssumeRole").ShouldBe(1);
        boto3.ExitCode.ShouldBe(0, boto3.ToString());
        Proxy.Calls("GetCallerIdentity").ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_services_section_wins_over_the_profiles_endpoint_url()
    {
        Tool.WriteAwsFiles($"""
            [default]
            endpoint_url = http://127.0.0.1:9/
            services = here

            [services here]
            sts =
              endpoint_url = {Proxy.Url}
            iam =
              endpoint_url = {Proxy.Url}
            organizations =
              endpoint_url = {Proxy.Url}
            """);

        var r = await Tool.RunAsync("pose", "prod", "-t", "123456");

        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("ListMFADevices").ShouldBeGreaterThan(0);
        Proxy.Calls("AssumeRole").ShouldBe(1);
    }
}
