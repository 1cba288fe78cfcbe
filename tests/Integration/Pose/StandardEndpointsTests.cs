using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>
/// Standard endpoints, FIPS and dual-stack ones (use_fips_endpoint, AWS_USE_DUALSTACK_ENDPOINT, ...) and other partitions'
/// included, chosen as boto3 chooses them: no endpoint is configured, and an HTTPS proxy that tunnels nowhere records the
/// host each client connects to.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class StandardEndpointsTests : IAsyncDisposable
{
    private const string Device = "arn:aws:iam::123456789012:mfa/alice";
    private readonly ConnectRecorder _proxy = new();
    private readonly AwsSessionProcess _tool;

    public StandardEndpointsTests(MotoServer moto)
    {
        _tool = new AwsSessionProcess("http://127.0.0.1:9", moto.Seed);
        _tool.Unset("AWS_ENDPOINT_URL", "NO_PROXY", "no_proxy").Set("HTTPS_PROXY", _proxy.Url).Set("AWS_MAX_ATTEMPTS", "1");
    }

    public async ValueTask DisposeAsync()
    {
        _tool.Dispose();
        await _proxy.DisposeAsync();
    }

    private async Task<IReadOnlyList<string>> Hosts(Func<Task<ProcessResult>> run)
    {
        var before = _proxy.Targets.Count;
        var r = await run();
        r.ExitCode.ShouldNotBe(0, "the proxy tunnels nowhere");
        return [.. _proxy.Targets.Skip(before).Distinct()];
    }

    private Task<ProcessResult> Boto3(string service, string call) =>
        _tool.ShellAsync($"python3 -c 'import boto3; boto3.client(\"{service}\").{call}'");

    [Fact]
    public async Task The_profiles_use_fips_endpoint_takes_STS_where_it_takes_boto3()
    {
        _tool.WriteAwsFiles($"[default]\nuse_fips_endpoint = true\nmfa_serial = {Device}\n");
        // This boto3 reads its region from AWS_DEFAULT_REGION only; with none, STS is its global endpoint.
        _tool.Set("AWS_DEFAULT_REGION", "us-east-1");

        var ours = await Hosts(() => _tool.RunAsync("-t", "123456", "--no-cache"));
        var boto3 = await Hosts(() => Boto3("sts", "get_caller_identity()"));

        ours.ShouldBe(["sts-fips.us-east-1.amazonaws.com:443"]);
        boto3.ShouldBe(ours);
    }

    [Fact]
    public async Task The_variables_take_IAM_to_its_FIPS_dual_stack_endpoint_where_they_take_boto3()
    {
        _tool.Set("AWS_USE_FIPS_ENDPOINT", "true").Set("AWS_USE_DUALSTACK_ENDPOINT", "true");

        var ours = await Hosts(() => _tool.RunAsync("-t", "123456", "--no-cache"));
        var boto3 = await Hosts(() => Boto3("iam", "list_mfa_devices()"));

        ours.ShouldBe(["iam-fips.global.api.aws:443"], "without mfa_serial, the device is looked up first");
        boto3.ShouldBe(ours);
    }

    [Theory]
    [InlineData("eusc-de-west-1", true, "sts", "get_caller_identity()", "sts.eusc-de-west-1.amazonaws.eu:443")]
    [InlineData("eusc-de-west-1", false, "iam", "list_mfa_devices()", "iam.eusc-de-east-1.amazonaws.eu:443")]
    [InlineData("us-iso-west-1", true, "sts", "get_caller_identity()", "sts.us-iso-west-1.c2s.ic.gov:443")]
    [InlineData("us-isof-east-1", false, "iam", "list_mfa_devices()", "iam.us-isof-south-1.csp.hci.ic.gov:443")]
    public async Task The_sovereign_and_ISO_partitions_endpoints_are_where_boto3_connects(string region, bool device, string service, string call, string host)
    {
        _tool.WriteAwsFiles(device ? $"[default]\nmfa_serial = {Device}\n" : "[default]\n");
        _tool.Set("AWS_REGION", region).Set("AWS_DEFAULT_REGION", region);

        var ours = await Hosts(() => _tool.RunAsync("-t", "123456", "--no-cache"));
        var boto3 = await Hosts(() => Boto3(service, call));

        ours.ShouldBe([host]);
        boto3.ShouldBe(ours);
    }

    [Fact]
    public async Task Without_either_setting_STS_is_the_regions_standard_endpoint()
    {
        _tool.WriteAwsFiles($"[default]\nmfa_serial = {Device}\n");
        _tool.Set("AWS_REGION", "eu-west-1");

        var ours = await Hosts(() => _tool.RunAsync("-t", "123456", "--no-cache"));

        ours.ShouldBe(["sts.eu-west-1.amazonaws.com:443"]);
    }
}
