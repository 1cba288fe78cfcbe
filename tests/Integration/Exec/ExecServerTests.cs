using System.Net;
using System.Net.Sockets;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>
/// `exec --server`: the child gets an ECS-style endpoint instead of keys, and the aws CLI uses it by itself, before
/// and after a refresh. Role sessions are made to last 20 s (the fault proxy rewrites AssumeRole's Expiration), so
/// the server re-assumes the role from the cached MFA session, without a prompt, about every 10 s.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ExecServerTests : ProxiedToolTests
{
    /// <summary>Prints the key the endpoint hands out now, or the HTTP status when it refuses.</summary>
    private const string Fetch = """
        import json, os, sys, urllib.request, urllib.error
        req = urllib.request.Request(os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"])
        if len(sys.argv) > 1: req.add_header("Authorization", sys.argv[1])
        try: print("key=" + json.load(urllib.request.urlopen(req, timeout=5))["AccessKeyId"])
        except urllib.error.HTTPError as e: print("status=%d" % e.code)
        """;

    public ExecServerTests(MotoServer moto)
        : base(moto) => File.WriteAllText(Path.Combine(Tool.Home, "fetch.py"), Fetch);

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_aws_cli_works_before_and_after_a_refresh_with_no_keys_in_its_environment()
    {
        Proxy.ShortenExpiration("AssumeRole", TimeSpan.FromSeconds(20));
        var account = Moto.Seed.Accounts[0];
        var fetch = $"python3 {Tool.Home}/fetch.py \"$AWS_CONTAINER_AUTHORIZATION_TOKEN\"";
        var child = $"""
            env | grep -E '^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)=' && exit 99
            {fetch}
            aws sts get-caller-identity --output text --query Arn || exit 10
            sleep 13
            {fetch}
            aws sts get-caller-identity --output text --query Arn || exit 11
            """;

        var r = await Tool.RunAsync(["exec", "pose", account.Id, "-t", "123456", "--server", "--", "sh", "-c", child], stdin: null, TimeSpan.FromSeconds(90));

        r.ExitCode.ShouldBe(0, r.ToString());
        var keys = r.Stdout.Split('\n').Where(l => l.StartsWith("key=", StringComparison.Ordinal)).ToList();
        keys.Count.ShouldBe(2, r.ToString());
        keys[1].ShouldNotBe(keys[0], "the server handed out a new role session after the refresh");
        r.Stdout.Split('\n').Count(l => l.Contains($"{account.Id}:assumed-role/OrganizationAccountAccessRole/")).ShouldBe(2, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(1, "the refresh reused the cached MFA session: no second code");
        Proxy.Calls("AssumeRole").ShouldBeGreaterThanOrEqualTo(2);
    }

    /// <summary>Prints the endpoint's answer after the MFA session (20 s) has ended: the key, or the status and error.</summary>
    private const string AfterMfaExpiry = """
        sleep 23
        python3 -c '
        import json, os, urllib.request, urllib.error
        req = urllib.request.Request(os.environ["AWS_CONTAINER_CREDENTIALS_FULL_URI"], headers={"Authorization": os.environ["AWS_CONTAINER_AUTHORIZATION_TOKEN"]})
        try: print("key=" + json.load(urllib.request.urlopen(req, timeout=5))["AccessKeyId"])
        except urllib.error.HTTPError as e: print("status=%d %s" % (e.code, json.load(e)["message"]))
        '
        """;

    [Fact]
    public async Task The_mfa_token_is_used_once_and_a_renewal_that_needs_a_code_fails_saying_when_and_how()
    {
        Proxy.ShortenExpiration("GetSessionToken", TimeSpan.FromSeconds(20));

        var r = await Tool.RunAsync(["exec", "-t", "123456", "--server", "--", "sh", "-c", AfterMfaExpiry], stdin: null, TimeSpan.FromSeconds(90));

        r.ExitCode.ShouldBe(0, r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBe(1, "STS refuses a code twice: -t's code is not sent again");
        r.Stdout.ShouldStartWith("status=503 aws-session could not refresh the credentials: the MFA session is valid until ", customMessage: r.ToString());
        r.Stdout.ShouldContain("-d, up to 36h");
        r.StderrLines.Count(l => l.Contains("does not ask for while the command runs", StringComparison.Ordinal)).ShouldBe(1, r.ToString());
    }

    [Fact]
    public async Task After_the_mfa_token_a_renewal_uses_mfa_process()
    {
        Proxy.ShortenExpiration("GetSessionToken", TimeSpan.FromSeconds(20));
        Tool.WriteAwsFiles("[default]\nmfa_process = echo 654321\n");

        var r = await Tool.RunAsync(["exec", "-t", "123456", "--server", "--", "sh", "-c", AfterMfaExpiry], stdin: null, TimeSpan.FromSeconds(90));

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldStartWith("key=A", customMessage: r.ToString());
        Proxy.Calls("GetSessionToken").ShouldBeGreaterThanOrEqualTo(2, r.ToString());
    }

    [Fact]
    public async Task Requests_without_the_exact_token_are_refused()
    {
        var py = $"python3 {Tool.Home}/fetch.py";
        var child = $"""{py}; {py} wrong-token; {py} "$AWS_CONTAINER_AUTHORIZATION_TOKEN"x; {py} "$AWS_CONTAINER_AUTHORIZATION_TOKEN" """;

        var r = await Tool.RunAsync("exec", "-t", "123456", "--server", "--", "sh", "-c", child);

        r.ExitCode.ShouldBe(0, r.ToString());
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4, r.ToString());
        lines[0].ShouldBe("status=401");
        lines[1].ShouldBe("status=403");
        lines[2].ShouldBe("status=403");
        lines[3].ShouldStartWith("key=A");
        lines[3].ShouldNotBe("key=" + Moto.Seed.AccessKeyId);
    }

    [Fact]
    public async Task It_listens_on_loopback_only_and_stops_when_the_child_exits()
    {
        var child = """echo "uri=$AWS_CONTAINER_CREDENTIALS_FULL_URI"; cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '$4 == "0A" {print "listen=" $2}' """;

        var r = await Tool.RunAsync("exec", "-t", "123456", "--server", "--", "sh", "-c", child);

        r.ExitCode.ShouldBe(0, r.ToString());
        var uri = new Uri(r.Stdout.Split('\n').Single(l => l.StartsWith("uri=", StringComparison.Ordinal))[4..]);
        uri.Host.ShouldBe("127.0.0.1");
        var portHex = uri.Port.ToString("X4");
        var listeners = r.Stdout.Split('\n').Where(l => l.StartsWith("listen=", StringComparison.Ordinal) && l.EndsWith(":" + portHex, StringComparison.Ordinal)).ToList();
        listeners.ShouldBe([$"listen=0100007F:{portHex}"], "bound to 127.0.0.1 only, not 0.0.0.0 or ::");

        using var client = new TcpClient();
        await Should.ThrowAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, uri.Port));
    }
}
