using System.Net;
using System.Text;
using AwsSession.Aws;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Accounts;

/// <summary>Small hand-written fakes for the pose and accounts tests (no mocking library needed).</summary>
internal static class PoseFakes
{
    public static readonly AwsCredentials Keys = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    public static Account Acct(string name, string id, string status = "ACTIVE") => new(id, name, $"{name}@example.com", status);

    public sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public sealed class Interaction(bool canPrompt, Func<IReadOnlyList<string>, int>? choose = null) : IInteraction
    {
        public List<string> Shown { get; } = [];

        public int ProgressRuns { get; private set; }

        public bool CanPrompt => canPrompt;

        public string AskMfaCode(string device, int attempt) => "123456";

        public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
        {
            Shown.AddRange(items.Select(i => string.Join("  ", columns(i))));
            return items[(choose ?? (_ => 0))(Shown)];
        }

        /// <summary>True while a live status line is on the terminal (no prompt can be shown then).</summary>
        public bool InProgress { get; private set; }

        public async Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work)
        {
            ProgressRuns++;
            InProgress = true;
            try
            {
                return await work(new Progress<int>(_ => { }));
            }
            finally
            {
                InProgress = false;
            }
        }
    }

    public sealed class Source(Session session) : ICredentialSource
    {
        public int Calls { get; private set; }

        public ValueTask<Session> GetAsync(CancellationToken ct)
        {
            Calls++;
            return ValueTask.FromResult(session);
        }
    }

    public sealed class Sts : IStsGateway
    {
        public List<RoleRequest> Assumed { get; } = [];

        public Exception? AssumeFailure { get; set; }

        public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials b, string s, string c, TimeSpan d, CancellationToken ct) =>
            Task.FromResult(new AwsCredentials("ASIAMFA", "secret", "token", DateTimeOffset.UtcNow.Add(d)));

        public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct)
        {
            Assumed.Add(request);
            if (AssumeFailure is not null)
                throw AssumeFailure;
            return Task.FromResult(new AwsCredentials("ASIAROLE", "secret", "token", DateTimeOffset.UtcNow.Add(request.Duration)));
        }

        public string CallerArn { get; init; } = "arn:aws:iam::123456789012:user/alice";

        public int CallerIdentityCalls { get; private set; }

        public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct)
        {
            CallerIdentityCalls++;
            return Task.FromResult(new CallerIdentity("123456789012", CallerArn, "AIDA"));
        }
    }

    /// <summary>Answers each request from a queue and keeps what was sent (headers and body), for the wire-level tests.</summary>
    public sealed class Handler(params Func<string, HttpResponseMessage>[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            Requests.Add((request, body));
            return answers[Math.Min(_next++, answers.Length - 1)](body);
        }

        public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(json, Encoding.UTF8, "application/x-amz-json-1.1") };
    }
}
