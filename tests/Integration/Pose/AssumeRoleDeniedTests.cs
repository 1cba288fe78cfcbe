using System.Net;
using System.Text;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>
/// AccessDenied on AssumeRole: moto accepts every AssumeRole from a session, so a stand-in STS on 127.0.0.1 answers
/// exactly what AWS answers when a trust policy (or its MFA condition) refuses. The source is an aws-session
/// session in the environment and the account an id, so AssumeRole is the only call.
/// </summary>
public sealed class AssumeRoleDeniedTests : IAsyncDisposable
{
    private readonly List<string> _actions = [];
    private readonly StubHttpServer _sts;

    public AssumeRoleDeniedTests() => _sts = new StubHttpServer(DenyAsync);

    [Fact]
    public async Task One_line_names_the_role_arn_and_the_trust_policy_or_mfa_condition()
    {
        using var tool = new AwsSessionProcess(_sts.Url, seed: null);
        tool.Set("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE12").Set("AWS_SECRET_ACCESS_KEY", "secret-secret-secret")
            .Set("AWS_SESSION_TOKEN", "session-token-value").Set("AWS_SESSION_IDENTITY", "mfa:arn:aws:iam::123456789012:mfa/alice");

        var r = await tool.RunAsync("pose", "210987654321", "Admin");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.Count.ShouldBe(1, r.ToString());
        r.Stderr.ShouldContain("arn:aws:iam::210987654321:role/Admin");
        r.Stderr.ShouldContain("trust policy");
        r.Stderr.ShouldContain("MFA");
        r.Stderr.ShouldNotContain("session-token-value");
        r.Stdout.ShouldBeEmpty();
        lock (_actions)
            _actions.ShouldBe(["GetCallerIdentity", "AssumeRole"], "the marker names a device, not a user: STS is asked who it is, for the session name");
    }

    private async Task DenyAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        lock (_actions)
            _actions.Add(System.Web.HttpUtility.ParseQueryString(body)["Action"] ?? "?");
        var xml = Encoding.UTF8.GetBytes("""
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:sts::123456789012:federated-user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::210987654321:role/Admin</Message></Error>
              <RequestId>00000000-0000-0000-0000-000000000000</RequestId>
            </ErrorResponse>
            """);
        context.Response.StatusCode = 403;
        context.Response.ContentType = "text/xml";
        await context.Response.OutputStream.WriteAsync(xml);
    }

    public ValueTask DisposeAsync() => _sts.DisposeAsync();
}
