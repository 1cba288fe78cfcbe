using System.Net;
using System.Text.Json;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using static AwsSession.Tests.Unit.Accounts.PoseFakes;

namespace AwsSession.Tests.Unit.Aws;

/// <summary>ListAccounts on the wire: JSON 1.1, every NextToken followed, SigV4 for organizations in us-east-1.</summary>
public class OrganizationsGatewayTests
{
    private static readonly RetrySettings FastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private static string Page(int from, int count, string? next) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["Accounts"] = Enumerable.Range(from, count).Select(i => new Dictionary<string, string>
            {
                ["Id"] = $"{i:D12}", ["Name"] = $"team-{i:D4}", ["Email"] = $"team-{i}@example.com", ["Status"] = i == 3 ? "SUSPENDED" : "ACTIVE",
                ["Arn"] = $"arn:aws:organizations::1:account/o-x/{i:D12}", ["JoinedMethod"] = "CREATED",
            }),
            ["NextToken"] = next,
        });

    private static (OrganizationsGateway Gateway, Handler Handler) Gateway(Handler handler, Dictionary<string, string>? env = null, string region = "us-east-1") =>
        (new OrganizationsGateway(new AwsCall(AwsPipeline.Create(FastRetries)), new SignedHttp(() => handler), AwsReach.Resolve(new EnvironmentVariables(env ?? []), null, new Fakes.FakeProfiles()), region), handler);

    [Fact]
    public async Task Follows_every_next_token_and_reports_the_running_count()
    {
        var (gateway, handler) = Gateway(new Handler(
            _ => Handler.Json(Page(0, 20, "token-1")),
            _ => Handler.Json(Page(20, 20, "token-2")),
            _ => Handler.Json(Page(40, 7, null))));
        var counts = new List<int>();

        var accounts = await gateway.ListAccountsAsync(Keys, new SyncProgress(counts.Add), default);

        accounts.Count.ShouldBe(47);
        accounts.Select(a => a.Id).Distinct().Count().ShouldBe(47);
        accounts[3].IsActive.ShouldBeFalse();
        accounts[46].ShouldBe(new Account("000000000046", "team-0046", "team-46@example.com"));
        counts.ShouldBe([20, 40, 47]);

        handler.Requests.Count.ShouldBe(3);
        var bodies = handler.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        bodies.ShouldAllBe(b => b.GetProperty("MaxResults").GetInt32() == 20);
        bodies[0].TryGetProperty("NextToken", out _).ShouldBeFalse();
        bodies[1].GetProperty("NextToken").GetString().ShouldBe("token-1");
        bodies[2].GetProperty("NextToken").GetString().ShouldBe("token-2");
    }

    [Fact]
    public async Task Every_request_is_json_1_1_with_the_target_header_and_sigv4_signed_for_organizations_in_us_east_1()
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 20, "t")), _ => Handler.Json(Page(20, 1, null))));

        await gateway.ListAccountsAsync(Keys, null, default);

        foreach (var (request, _) in handler.Requests)
        {
            request.Method.ShouldBe(HttpMethod.Post);
            request.RequestUri.ShouldBe(new Uri("https://organizations.us-east-1.amazonaws.com/"));
            request.Headers.GetValues("X-Amz-Target").ShouldBe(["AWSOrganizationsV20161128.ListAccounts"]);
            request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/x-amz-json-1.1");
            // The signer adds the header without validation, so read it raw rather than through Headers.Authorization.
            var auth = request.Headers.GetValues("Authorization").ShouldHaveSingleItem();
            auth.ShouldMatch(@"^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/\d{8}/us-east-1/organizations/aws4_request, ?SignedHeaders=[^,]*host[^,]*x-amz-target[^,]*, ?Signature=[0-9a-f]{64}$");
            auth.ShouldNotContain(Keys.SecretAccessKey);
            request.Headers.Contains("X-Amz-Date").ShouldBeTrue();
        }
    }

    [Theory]
    [InlineData("eu-west-1", "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("us-gov-east-1", "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    [InlineData("cn-north-1", "https://organizations.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
    public async Task The_partition_of_the_runs_region_decides_the_endpoint_and_the_signing_region(string region, string url, string signing)
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 1, null))), region: region);

        await gateway.ListAccountsAsync(Keys, null, default);

        handler.Requests[0].Request.RequestUri.ShouldBe(new Uri(url));
        handler.Requests[0].Request.Headers.GetValues("Authorization").Single().ShouldContain($"/{signing}/organizations/aws4_request");
    }

    [Fact]
    public async Task A_session_signs_with_its_token_header()
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 1, null))));
        await gateway.ListAccountsAsync(Keys with { SessionToken = "the-token" }, null, default);
        handler.Requests[0].Request.Headers.GetValues("X-Amz-Security-Token").ShouldBe(["the-token"]);
    }

    [Fact]
    public async Task The_endpoint_override_is_used_but_the_signature_stays_us_east_1()
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 1, null))),
            new() { ["AWS_ENDPOINT_URL_ORGANIZATIONS"] = "http://127.0.0.1:5999" });
        await gateway.ListAccountsAsync(Keys, null, default);
        handler.Requests[0].Request.RequestUri!.Authority.ShouldBe("127.0.0.1:5999");
        handler.Requests[0].Request.Headers.GetValues("Authorization").Single().ShouldContain("/us-east-1/organizations/aws4_request");
    }

    [Fact]
    public async Task A_throttled_page_is_retried_and_the_listing_resumes_at_that_page()
    {
        var (gateway, handler) = Gateway(new Handler(
            _ => Handler.Json(Page(0, 20, "token-1")),
            _ => Handler.Json("""{"__type":"com.amazonaws.organizations#TooManyRequestsException","Message":"slow down"}""", HttpStatusCode.BadRequest),
            _ => Handler.Json(Page(20, 5, null))));

        (await gateway.ListAccountsAsync(Keys, null, default)).Count.ShouldBe(25);

        handler.Requests.Count.ShouldBe(3);
        JsonDocument.Parse(handler.Requests[2].Body).RootElement.GetProperty("NextToken").GetString().ShouldBe("token-1");
    }

    [Theory]
    [InlineData("AWSOrganizationsNotInUseException")]
    [InlineData("AccessDeniedException")]
    public async Task An_error_answer_is_not_retried_and_keeps_its_code(string code)
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json($$"""{"__type":"{{code}}","Message":"no"}""", HttpStatusCode.BadRequest)));

        var e = await Should.ThrowAsync<AwsSessionException>(() => gateway.ListAccountsAsync(Keys, null, default));

        e.InnerException.ShouldBeOfType<AwsApiException>().Code.ShouldBe(code);
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_next_token_twice_stops_the_listing_with_a_clear_error()
    {
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 20, "token-1")), _ => Handler.Json(Page(20, 20, "same")), _ => Handler.Json(Page(40, 20, "same"))));

        var e = await Should.ThrowAsync<AwsSessionException>(() => gateway.ListAccountsAsync(Keys, null, default).WaitAsync(TimeSpan.FromSeconds(30)));

        e.Message.ShouldBe("Organizations ListAccounts sent the same NextToken twice (after 3 pages); stopped instead of paging forever");
        handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task Endless_new_tokens_stop_after_the_page_bound()
    {
        var n = 0;
        var (gateway, handler) = Gateway(new Handler(_ => Handler.Json(Page(0, 1, $"token-{n++}"))));

        var e = await Should.ThrowAsync<AwsSessionException>(() => gateway.ListAccountsAsync(Keys, null, default).WaitAsync(TimeSpan.FromMinutes(2)));

        e.Message.ShouldContain($"still paging after {AwsAnswer.MaxPages} pages");
        handler.Requests.Count.ShouldBe(AwsAnswer.MaxPages);
    }

    [Theory]
    [InlineData("""{"Accounts":[null]}""", "no account in a list entry")]
    [InlineData("""{"Accounts":[{"Name":"prod"}]}""", "no account Id")]
    [InlineData("""{"Accounts":[{"Id":"111111111111"}]}""", "no Name for account 111111111111")]
    public async Task A_null_or_partial_account_is_a_clear_error(string page, string what)
    {
        var (gateway, _) = Gateway(new Handler(_ => Handler.Json(page)));

        var e = await Should.ThrowAsync<AwsSessionException>(() => gateway.ListAccountsAsync(Keys, null, default));

        e.Message.ShouldBe($"Organizations ListAccounts returned an incomplete answer ({what})");
    }

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
