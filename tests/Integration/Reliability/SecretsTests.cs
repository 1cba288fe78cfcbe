using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Reliability;

/// <summary>Secrets reach stdout (for eval) and nowhere else: not --debug, not errors, not listings.</summary>
[Collection(MotoCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsTests(MotoServer moto) : IDisposable
{
    private readonly AwsSessionProcess _tool = new(moto.Url, moto.Seed);

    private async Task<(string Secret, string Token, string KeyId)> SessionAsync(params string[] args)
    {
        var r = await _tool.RunAsync([.. args, "--shell", "json"], stdin: "");
        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        var e = doc.RootElement;
        return (e.GetProperty("AWS_SECRET_ACCESS_KEY").GetString()!, e.GetProperty("AWS_SESSION_TOKEN").GetString()!, e.GetProperty("AWS_ACCESS_KEY_ID").GetString()!);
    }

    [Fact]
    public async Task Debug_output_traces_calls_but_never_a_secret()
    {
        var r = await _tool.RunAsync(["pose", moto.Seed.Accounts[0].Name, "-t", "123456", "--debug", "--shell", "json"], stdin: "");
        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);

        r.Stderr.ShouldContain("GetSessionToken");
        r.Stderr.ShouldContain("AssumeRole");
        foreach (var name in new[] { "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID" })
            r.Stderr.ShouldNotContain(doc.RootElement.GetProperty(name).GetString()!, Case.Sensitive, name);
        r.Stderr.ShouldNotContain(moto.Seed.SecretAccessKey);
        r.Stderr.ShouldNotContain(moto.Seed.AccessKeyId);
    }

    [Fact]
    public async Task Debug_output_of_a_failure_shows_the_trace_but_no_secret()
    {
        _tool.Set("AWS_SECRET_ACCESS_KEY", "wrongwrongwrongwrongwrongwrongwrongwrong");

        var r = await _tool.RunAsync(["pose", "no-such-account", "-t", "123456", "--debug"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldContain("GetSessionToken", customMessage: r.ToString());
        r.Stderr.ShouldContain("ListAccounts", customMessage: r.ToString());
        r.Stderr.ShouldNotContain("wrongwrongwrongwrongwrong");
        r.Stderr.ShouldNotContain(moto.Seed.AccessKeyId);
    }

    [Theory]
    [InlineData("sessions", "--json")]
    [InlineData("whoami", "--json")]
    [InlineData("devices", "--json")]
    [InlineData("accounts", "--json")]
    public async Task Listings_show_no_secret_and_mask_key_ids(params string[] listing)
    {
        var (secret, token, keyId) = await SessionAsync("pose", moto.Seed.Accounts[0].Id, "-t", "123456");

        var r = await _tool.RunAsync(listing, stdin: "");

        r.ExitCode.ShouldBe(0, r.ToString());
        foreach (var s in new[] { secret, token, keyId, moto.Seed.SecretAccessKey, moto.Seed.AccessKeyId })
            (r.Stdout + r.Stderr).ShouldNotContain(s);
    }

    [Fact]
    public async Task A_cache_file_that_others_can_read_is_ignored_with_a_warning_and_replaced()
    {
        (await _tool.RunAsync("-t", "123456")).ExitCode.ShouldBe(0);
        var dir = Path.Combine(_tool.CacheHome, "aws-session");
        var file = Directory.GetFiles(dir, "mfa-*.json").ShouldHaveSingleItem();
        File.SetUnixFileMode(file, (UnixFileMode)Convert.ToInt32("644", 8));

        var untrusted = await _tool.RunAsync([], stdin: "");
        untrusted.ExitCode.ShouldBe(1, untrusted.ToString());
        untrusted.Stderr.ShouldContain("others can access it");

        var remade = await _tool.RunAsync("-t", "123456");
        remade.ExitCode.ShouldBe(0, remade.ToString());
        File.GetUnixFileMode(file).ShouldBe((UnixFileMode)Convert.ToInt32("600", 8));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_malformed_credentials_file_is_named_by_file_and_line_never_by_content(bool debug)
    {
        _tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        _tool.WriteAwsFiles(null, $"[default]\naws_access_key_id = {moto.Seed.AccessKeyId}\naws_secret_access_key {moto.Seed.SecretAccessKey}\n");

        var r = await _tool.RunAsync(debug ? ["-t", "123456", "--debug"] : ["-t", "123456"], stdin: "");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.Stderr.ShouldNotContain(moto.Seed.SecretAccessKey);
        r.Stderr.ShouldNotContain("aws_secret_access_key ");
        r.StderrLines[0].ShouldBe($"aws-session: malformed AWS config: line 3 of {Path.Combine(_tool.Home, ".aws", "credentials")} is not a section, a key = value or a comment; fix that line (its content is not shown: it may hold a secret)");
        if (!debug)
            r.StderrLines.Count.ShouldBe(1, r.ToString());
    }

    public void Dispose() => _tool.Dispose();
}
