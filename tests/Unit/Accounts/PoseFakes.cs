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

    public sealed class Source(Session session) : ICredentialSource
    {
        public int Calls { get; private set; }

        public ValueTask<Session> GetAsync(CancellationToken ct)
        {
            Calls++;
            return ValueTask.FromResult(session);
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
