using System.Net;
using AwsSession.Aws;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Aws;

/// <summary>The one retry pipeline, with zero delays: counts attempts, never sleeps for real.</summary>
public sealed class AwsPipelineTests
{
    private static readonly RetrySettings Fast = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.Zero,
        MaxDelay = TimeSpan.FromMilliseconds(1),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        TotalTimeout = TimeSpan.FromSeconds(10),
    };

    private int _attempts;

    private Task<string> Call(Func<int, Exception?> failure, CancellationToken ct = default) =>
        new AwsCall(AwsPipeline.Create(Fast)).RunAsync("STS", "GetSessionToken", new Uri("http://127.0.0.1:1/"), _ =>
        {
            _attempts++;
            return failure(_attempts) is { } e ? Task.FromException<string>(e) : Task.FromResult("ok");
        }, ct);

    private static AwsApiException Api(string code, HttpStatusCode status) => new("STS", code, "message from AWS", status);

    [Fact]
    public async Task Throttling_is_retried_then_succeeds()
    {
        (await Call(n => n <= 2 ? Api("Throttling", HttpStatusCode.BadRequest) : null)).ShouldBe("ok");

        _attempts.ShouldBe(3);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_are_retried(HttpStatusCode status)
    {
        (await Call(n => n == 1 ? Api("InternalFailure", status) : null)).ShouldBe("ok");

        _attempts.ShouldBe(2);
    }

    [Fact]
    public async Task Network_failures_are_retried()
    {
        (await Call(n => n == 1 ? new HttpRequestException("connection reset") : null)).ShouldBe("ok");

        _attempts.ShouldBe(2);
    }

    [Theory]
    [InlineData("AccessDenied")]
    [InlineData("ValidationError")]
    [InlineData("InvalidClientTokenId")]
    public async Task Access_and_validation_errors_are_never_retried(string code)
    {
        await Should.ThrowAsync<AwsSessionException>(() => Call(_ => Api(code, HttpStatusCode.Forbidden)));

        _attempts.ShouldBe(1);
    }

    [Fact]
    public async Task A_rejected_MFA_code_is_not_retried_by_the_pipeline()
    {
        await Should.ThrowAsync<MfaCodeRejectedException>(() => Call(_ => new MfaCodeRejectedException("rejected")));

        _attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Persistent_throttling_stops_after_the_bounded_attempts_and_says_throttled()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(() => Call(_ => Api("Throttling", HttpStatusCode.BadRequest)));

        _attempts.ShouldBe(Fast.MaxAttempts);
        e.Message.ShouldBe("STS GetSessionToken was throttled by AWS (4 attempts)");
    }

    [Fact]
    public async Task A_hung_attempt_is_cut_by_the_attempt_timeout_and_retried()
    {
        var settings = Fast with { AttemptTimeout = TimeSpan.FromMilliseconds(50), MaxAttempts = 3 };
        var call = new AwsCall(AwsPipeline.Create(settings));

        var e = await Should.ThrowAsync<AwsSessionException>(() => call.RunAsync<string>("IAM", "ListMFADevices", new Uri("http://127.0.0.1:9/"), async token =>
        {
            _attempts++;
            await Task.Delay(Timeout.Infinite, token);
            return "never";
        }, default));

        _attempts.ShouldBe(3);
        e.Message.ShouldContain("no answer from IAM at http://127.0.0.1:9");
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_retried()
    {
        using var cts = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(() => Call(_ =>
        {
            cts.Cancel();
            return new OperationCanceledException(cts.Token);
        }, cts.Token));

        _attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Each_attempt_is_reported_to_the_observer_with_its_number()
    {
        var observer = new RecordingObserver();
        var call = new AwsCall(AwsPipeline.Create(Fast), observer);

        await call.RunAsync("STS", "GetCallerIdentity", null, _ => ++_attempts < 3 ? throw Api("Throttling", HttpStatusCode.BadRequest) : Task.FromResult(1), default);

        observer.Calls.ShouldBe(["STS GetCallerIdentity 1", "STS GetCallerIdentity 2", "STS GetCallerIdentity 3"]);
    }

    private sealed class RecordingObserver : IAwsCallObserver
    {
        public List<string> Calls { get; } = [];

        public void Calling(string service, string operation, int attempt) => Calls.Add($"{service} {operation} {attempt}");
    }
}
