using System.Net;
using System.Text.Json;
using System.Web;
using AwsSession.Domain;
using AwsSession.SignIn;

namespace AwsSession.Tests.Unit.SignIn;

public sealed class SignInTests
{
    private static readonly AwsCredentials Role = new("ASIAEXAMPLEEXAMPLE", "secret+key/x", "token+with/plus=", DateTimeOffset.UtcNow.AddHours(1));

    [Theory]
    [InlineData(SessionKind.Role, "role:arn:aws:iam::1:role/A", true)]
    [InlineData(SessionKind.Mfa, "mfa:arn:aws:iam::1:mfa/alice", false)]
    [InlineData(SessionKind.Environment, "mfa:arn:aws:iam::1:mfa/alice", false)]
    [InlineData(SessionKind.Environment, "role:arn:aws:iam::1:role/A", true)]
    [InlineData(SessionKind.Environment, "env-session", true)]
    public void Only_role_like_sessions_can_sign_in(SessionKind kind, string identity, bool expected) =>
        ConsoleSignIn.CanSignIn(new Session(Role, kind, SessionIdentity.Parse(identity))).ShouldBe(expected);

    [Fact]
    public void Long_lived_keys_cannot_sign_in() =>
        ConsoleSignIn.CanSignIn(new Session(new AwsCredentials("AKIAEXAMPLE", "s"), SessionKind.Environment, SessionIdentity.Parse("keys:default"))).ShouldBeFalse();

    [Theory]
    [InlineData(null, "aws", "https://signin.aws.amazon.com/federation")]
    [InlineData(null, "aws-us-gov", "https://signin.amazonaws-us-gov.com/federation")]
    [InlineData(null, "aws-cn", "https://signin.amazonaws.cn/federation")]
    [InlineData("http://127.0.0.1:8080/federation", "aws", "http://127.0.0.1:8080/federation")]
    public void The_endpoint_follows_the_partition_unless_overridden(string? overrideUrl, string partition, string expected) =>
        ConsoleSignIn.Endpoint(overrideUrl, partition).AbsoluteUri.ShouldBe(expected);

    [Theory]
    [InlineData("aws-eusc")]
    [InlineData("aws-iso-b")]
    public void A_partition_whose_sign_in_endpoint_is_unknown_is_a_clear_failure_unless_overridden(string partition)
    {
        var e = Should.Throw<AwsSessionException>(() => ConsoleSignIn.Endpoint(null, partition));
        e.Message.ShouldBe($"console sign-in in the {partition} partition: aws-session does not know its sign-in endpoint");
        e.Hint.ShouldNotBeNull().ShouldContain(ConsoleSignIn.EndpointVariable);
        ConsoleSignIn.Endpoint("https://signin.example/federation", partition).Host.ShouldBe("signin.example");
    }

    [Theory]
    [InlineData("arn:aws-us-gov:iam::111122223333:role/A", "eu-west-1", "aws-us-gov")]
    [InlineData(null, "us-gov-west-1", "aws-us-gov")]
    [InlineData(null, "cn-north-1", "aws-cn")]
    [InlineData(null, null, "aws")]
    public void The_partition_is_the_roles_else_the_regions(string? roleArn, string? region, string expected) =>
        ConsoleSignIn.Partition(roleArn is null ? null : new RoleTarget(roleArn, null, null, TimeSpan.FromHours(1)), region).ShouldBe(expected);

    [Fact]
    public void The_destination_carries_the_region()
    {
        ConsoleSignIn.Destination("aws", "eu-west-1").ShouldBe("https://console.aws.amazon.com/console/home?region=eu-west-1");
        ConsoleSignIn.Destination("aws-cn", null).ShouldBe("https://console.amazonaws.cn/");
    }

    [Fact]
    public void The_session_json_has_the_three_keys_and_keeps_plus_signs()
    {
        var json = FederationClient.SessionJson(Role);

        json.ShouldContain("token+with/plus=");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("sessionId").GetString().ShouldBe(Role.AccessKeyId);
        doc.RootElement.GetProperty("sessionKey").GetString().ShouldBe(Role.SecretAccessKey);
        doc.RootElement.GetProperty("sessionToken").GetString().ShouldBe(Role.SessionToken);
    }

    [Fact]
    public async Task GetSigninToken_sends_the_session_and_the_duration_and_reads_the_token()
    {
        var handler = new Handler(HttpStatusCode.OK, """{"SigninToken":"tok"}""");
        var client = new FederationClient(new Uri("http://fed.test/federation"), handler);

        (await client.GetSigninTokenAsync(Role, TimeSpan.FromHours(2), CancellationToken.None)).ShouldBe("tok");

        var query = HttpUtility.ParseQueryString(handler.Request!.Query);
        handler.Request.AbsolutePath.ShouldBe("/federation");
        query["Action"].ShouldBe("getSigninToken");
        query["SessionDuration"].ShouldBe("7200");
        JsonDocument.Parse(query["Session"]!).RootElement.GetProperty("sessionToken").GetString().ShouldBe(Role.SessionToken);
    }

    [Fact]
    public async Task Without_a_duration_none_is_sent()
    {
        var handler = new Handler(HttpStatusCode.OK, """{"SigninToken":"tok"}""");

        await new FederationClient(new Uri("http://fed.test/federation"), handler).GetSigninTokenAsync(Role, null, CancellationToken.None);

        HttpUtility.ParseQueryString(handler.Request!.Query)["SessionDuration"].ShouldBeNull();
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "refused the session (HTTP 400)")]
    [InlineData(HttpStatusCode.OK, "without a sign-in token")]
    public async Task Failures_are_one_line_that_quotes_neither_the_url_nor_the_secrets(HttpStatusCode status, string expected)
    {
        var handler = new Handler(status, "<html>" + Role.SessionToken + "</html>");

        var e = await Should.ThrowAsync<AwsSessionException>(() =>
            new FederationClient(new Uri("http://fed.test/federation"), handler).GetSigninTokenAsync(Role, null, CancellationToken.None));

        e.Message.ShouldContain(expected);
        e.ToString().ShouldNotContain(Role.SecretAccessKey);
        e.ToString().ShouldNotContain(Role.SessionToken!);
    }

    [Fact]
    public void The_login_url_has_the_issuer_destination_and_token()
    {
        var url = new FederationClient(new Uri("https://signin.aws.amazon.com/federation")).LoginUrl("a+b/c", "https://console.aws.amazon.com/");

        var query = HttpUtility.ParseQueryString(url.Query);
        url.GetLeftPart(UriPartial.Path).ShouldBe("https://signin.aws.amazon.com/federation");
        query["Action"].ShouldBe("login");
        query["Issuer"].ShouldBe("aws-session");
        query["Destination"].ShouldBe("https://console.aws.amazon.com/");
        query["SigninToken"].ShouldBe("a+b/c");
    }

    private sealed class Handler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public Uri? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Request = request.RequestUri;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body) });
        }
    }
}
