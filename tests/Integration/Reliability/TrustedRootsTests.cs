using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>Behind a proxy that inspects TLS: its authority is trusted through AWS_CA_BUNDLE or the profile's ca_bundle, as the AWS CLI does.</summary>
[Collection(MotoCollection.Name)]
public sealed class TrustedRootsTests : IAsyncDisposable
{
    private readonly TlsFront _front;
    private readonly AwsSessionProcess _tool;

    public TrustedRootsTests(MotoServer moto)
    {
        _front = new TlsFront(moto.Url);
        _tool = new AwsSessionProcess(_front.Url, moto.Seed);
    }

    [Fact]
    public async Task STS_and_Organizations_calls_go_through_an_inspecting_proxy_whose_authority_is_in_AWS_CA_BUNDLE()
    {
        _tool.Set("AWS_CA_BUNDLE", _front.CaBundle);

        var r = await _tool.RunAsync("pose", "prod", "-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("export AWS_SESSION_TOKEN=");
    }

    [Fact]
    public async Task A_profiles_ca_bundle_is_trusted_as_the_AWS_CLI_trusts_it()
    {
        _tool.WriteAwsFiles($"[default]\nca_bundle = {_front.CaBundle}\n");

        var r = await _tool.RunAsync("pose", "prod", "-t", "123456", "--no-cache");
        var cli = await _tool.ShellAsync($"/usr/bin/aws sts get-caller-identity --endpoint-url {_front.Url} --output text --query Account");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("export AWS_SESSION_TOKEN=");
        cli.ExitCode.ShouldBe(0, cli.ToString());
    }

    [Fact]
    public async Task AWS_CA_BUNDLE_wins_over_the_profiles_ca_bundle()
    {
        var notPem = Path.Combine(_tool.Home, "not-a-bundle.txt");
        File.WriteAllText(notPem, "hello\n");
        _tool.WriteAwsFiles($"[default]\nca_bundle = {notPem}\n");

        var trusted = await _tool.Set("AWS_CA_BUNDLE", _front.CaBundle).RunAsync("-t", "123456", "--no-cache");
        var fromProfile = await _tool.Unset("AWS_CA_BUNDLE").RunAsync("-t", "123456", "--no-cache");

        trusted.ExitCode.ShouldBe(0, trusted.ToString());
        fromProfile.ExitCode.ShouldBe(2, fromProfile.ToString());
        fromProfile.StderrLines.ShouldHaveSingleItem()
            .ShouldBe($"aws-session: profile 'default': ca_bundle: {notPem} holds no certificate; it must name a PEM file of CA certificates");
    }

    [Fact]
    public async Task Without_it_the_untrusted_certificate_is_one_line_that_names_the_variable()
    {
        var r = await _tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldStartWith($"aws-session: IAM ListMFADevices: the TLS connection to IAM at {_front.Url} failed");
        r.Stderr.ShouldContain("AWS_CA_BUNDLE");
    }

    [Fact]
    public async Task A_bundle_without_certificates_is_a_usage_error_before_any_call()
    {
        var notPem = Path.Combine(_tool.Home, "not-a-bundle.txt");
        File.WriteAllText(notPem, "hello\n");
        _tool.Set("AWS_CA_BUNDLE", notPem);

        var r = await _tool.RunAsync("-t", "123456", "--no-cache");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldBe($"aws-session: AWS_CA_BUNDLE: {notPem} holds no certificate; it must name a PEM file of CA certificates");
    }

    public async ValueTask DisposeAsync()
    {
        _tool.Dispose();
        await _front.DisposeAsync();
    }
}
