using System.Text.Json;
using System.Web;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>`aws-session console`: federation sign-in against a local fake endpoint; the URL only on stdout with --print.</summary>
[Collection(MotoCollection.Name)]
public sealed class ConsoleTests : IAsyncDisposable
{
    private readonly MotoServer _moto;
    private readonly AwsSessionProcess _tool;
    private FakeFederation _federation = new();

    public ConsoleTests(MotoServer moto)
    {
        _moto = moto;
        _tool = new AwsSessionProcess(moto.Url, moto.Seed);
        _tool.Set("AWS_SESSION_FEDERATION_URL", _federation.Url);
    }

    private string Prod => _moto.Seed.Accounts[0].Id;

    [Fact]
    public async Task Print_gives_the_login_url_built_on_the_token_of_getSigninToken()
    {
        var r = await _tool.RunAsync("console", "pose", Prod, "--print", "-t", "123456");

        r.ExitCode.ShouldBe(0, r.ToString());
        var url = new Uri(r.Stdout.Trim());
        url.GetLeftPart(UriPartial.Path).ShouldBe(_federation.Url);
        var query = HttpUtility.ParseQueryString(url.Query);
        query["Action"].ShouldBe("login");
        query["Issuer"].ShouldBe("aws-session");
        query["Destination"].ShouldBe("https://console.aws.amazon.com/console/home?region=us-east-1");
        query["SigninToken"].ShouldBe(FakeFederation.Token);

        var asked = _federation.Requests.ShouldHaveSingleItem();
        asked["Action"].ShouldBe("getSigninToken");
        asked["SessionDuration"].ShouldBeNull();
        using var session = JsonDocument.Parse(asked["Session"]!);
        session.RootElement.GetProperty("sessionId").GetString()!.ShouldStartWith("ASIA");
        session.RootElement.GetProperty("sessionKey").GetString().ShouldNotBeNullOrEmpty();
        var token = session.RootElement.GetProperty("sessionToken").GetString()!;
        token.ShouldNotBeNullOrEmpty();
        r.Stderr.ShouldNotContain(token);
        r.Stderr.ShouldNotContain(FakeFederation.Token);
    }

    [Fact]
    public async Task Duration_becomes_the_console_session_duration()
    {
        var r = await _tool.RunAsync("console", "pose", Prod, "--print", "-t", "123456", "-d", "2h");

        r.ExitCode.ShouldBe(0, r.ToString());
        _federation.Requests.ShouldHaveSingleItem()["SessionDuration"].ShouldBe("7200");
    }

    [Fact]
    public async Task Without_print_the_url_goes_to_the_desktop_opener_and_not_to_stdout()
    {
        var opened = Path.Combine(_tool.Home, "opened.txt");
        var opener = Path.Combine(_tool.BinDir, "xdg-open");
        await File.WriteAllTextAsync(opener, $"#!/bin/sh\nprintf '%s' \"$1\" > {opened}\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(opener, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var r = await _tool.RunAsync("console", "pose", Prod, "-t", "123456");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldNotContain(FakeFederation.Token);
        (await File.ReadAllTextAsync(opened)).ShouldContain("SigninToken=" + FakeFederation.Token);
    }

    [Fact]
    public async Task A_plain_mfa_session_is_told_that_console_sign_in_needs_a_role()
    {
        var r = await _tool.RunAsync("console", "--print", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("needs role credentials");
        _federation.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refusal_of_the_federation_endpoint_is_one_line_without_secrets()
    {
        await _federation.DisposeAsync();
        _federation = new FakeFederation(status: 400);
        _tool.Set("AWS_SESSION_FEDERATION_URL", _federation.Url);

        var r = await _tool.RunAsync("console", "pose", Prod, "--print", "-t", "123456", "--debug");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain("HTTP 400");
        using var session = JsonDocument.Parse(_federation.Requests.ShouldHaveSingleItem()["Session"]!);
        r.Stderr.ShouldNotContain(session.RootElement.GetProperty("sessionKey").GetString()!);
        r.Stderr.ShouldNotContain(session.RootElement.GetProperty("sessionToken").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        _tool.Dispose();
        await _federation.DisposeAsync();
    }
}
