using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Exec;

/// <summary>
/// `exec --server`: whatever the user's AWS files and environment hold, the child resolves to the server's session.
/// Each real consumer (the aws CLI v1 and v2, boto3, the AWS SDK for JavaScript v3) runs as the child under each
/// credential-bearing configuration and must report the assumed role's ARN as moto's STS sees it; its region,
/// endpoint and output format come from the config file, so the copy the child reads must keep them.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class ServerIsolationTests(MotoServer moto, ServerIsolationTests.SharedCache cache) : IClassFixture<ServerIsolationTests.SharedCache>
{
    private const string WrongRole = "arn:aws:iam::123456789012:role/WrongIdentity";

    /// <summary>How each consumer prints the caller's ARN. Debian's v2.9 predates endpoint_url in config, so it gets the flag.</summary>
    public static readonly IReadOnlyDictionary<string, string> Consumers = new Dictionary<string, string>
    {
        ["aws CLI v1 (pip)"] = "aws sts get-caller-identity",
        ["aws CLI v2 (Debian)"] = "/usr/bin/aws --endpoint-url \"$MOTO\" sts get-caller-identity",
        ["boto3"] = "python3 -c 'import boto3; print(boto3.client(\"sts\").get_caller_identity()[\"Arn\"])'",
        ["JavaScript SDK v3"] = $"node {JsConsumer.Script}",
    };

    /// <summary>Configurations that, without isolation, give the child another identity (or an error).</summary>
    public static readonly IReadOnlyDictionary<string, Setup> Setups = new Dictionary<string, Setup>
    {
        ["keys in [default] of the config file"] = new(s => $"aws_access_key_id = {s.AccessKeyId}\naws_secret_access_key = {s.SecretAccessKey}\n"),
        ["credential_process in [default]"] = new(_ => "credential_process = sh -c 'touch \"$HOME/process-ran\"; cat \"$HOME/other-keys.json\"'\n"),
        ["legacy sso_* keys in [default]"] = new(_ => "sso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = Admin\n"),
        ["sso_session and an [sso-session] section"] = new(_ => "sso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n",
            Extra: "[sso-session corp]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n"),
        ["role_arn with source_profile"] = new(_ => $"role_arn = {WrongRole}\nsource_profile = base\n",
            Extra: "[profile base]\nregion = us-east-1\n", Credentials: s => $"[base]\naws_access_key_id = {s.AccessKeyId}\naws_secret_access_key = {s.SecretAccessKey}\n"),
        ["role_arn with credential_source = EcsContainer"] = new(_ => $"role_arn = {WrongRole}\ncredential_source = EcsContainer\n"),
        ["web_identity_token_file in [default]"] = new(_ => $"role_arn = {WrongRole}\nweb_identity_token_file = $HOME/token\n"),
        ["AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN"] = new(_ => "", Env: new() { ["AWS_WEB_IDENTITY_TOKEN_FILE"] = "$HOME/token", ["AWS_ROLE_ARN"] = WrongRole }),
        ["AWS_PROFILE naming a profile with keys"] = new(_ => "",
            Extra: "[profile other]\nregion = eu-west-1\n", Credentials: s => $"[other]\naws_access_key_id = {s.AccessKeyId}\naws_secret_access_key = {s.SecretAccessKey}\n",
            Env: new() { ["AWS_PROFILE"] = "other" }),
        ["keys in [default] of the credentials file"] = new(_ => "", Credentials: s => $"[default]\naws_access_key_id = {s.AccessKeyId}\naws_secret_access_key = {s.SecretAccessKey}\n"),
    };

    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var consumer in Consumers.Keys)
            foreach (var setup in Setups.Keys)
                data.Add(consumer, setup);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task The_child_resolves_to_the_servers_session(string consumer, string setup)
    {
        using var tool = Tool(Setups[setup]);
        var account = moto.Seed.Accounts[0].Id;
        // Region and endpoint reach the child only through the config file: proof that the copy keeps them.
        var child = $"env -u AWS_ENDPOINT_URL -u AWS_REGION -u AWS_DEFAULT_REGION {Consumers[consumer]}";

        var r = await tool.RunAsync(["exec", "pose", account, "-t", "123456", "--server", "--", "sh", "-c", child], stdin: null, TimeSpan.FromSeconds(120));

        r.ExitCode.ShouldBe(0, r.ToString());
        var arns = r.Stdout.Split((char[])['\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("arn:", StringComparison.Ordinal)).ToList();
        arns.Count.ShouldBe(1, r.ToString());
        arns[0].ShouldStartWith($"arn:aws:sts::{account}:assumed-role/OrganizationAccountAccessRole/", customMessage: r.ToString());
        if (consumer.StartsWith("aws CLI", StringComparison.Ordinal))
            r.Stdout.ShouldNotContain("{", customMessage: "output = text from the config file applies");
        File.Exists(Path.Combine(tool.Home, "process-ran")).ShouldBeFalse("the user's credential_process must not run");
    }

    [Fact]
    public async Task The_childs_config_is_private_credential_free_and_removed_when_the_child_ends()
    {
        using var tool = Tool(Setups["keys in [default] of the config file"]);
        const string child = """
            echo "path=$AWS_CONFIG_FILE"; echo "credentials=$AWS_SHARED_CREDENTIALS_FILE"
            stat -c 'mode=%a' "$(dirname "$AWS_CONFIG_FILE")" "$AWS_CONFIG_FILE"; cat "$AWS_CONFIG_FILE"
            """;

        var r = await tool.RunAsync("exec", "-t", "123456", "--server", "--", "sh", "-c", child);

        r.ExitCode.ShouldBe(0, r.ToString());
        var path = r.Stdout.Split('\n').Single(l => l.StartsWith("path=", StringComparison.Ordinal))[5..];
        path.ShouldNotBe(Path.Combine(tool.Home, ".aws", "config"));
        r.Stdout.ShouldContain("credentials=/dev/null");
        r.Stdout.Split('\n').Where(l => l.StartsWith("mode=", StringComparison.Ordinal)).ShouldBe(["mode=700", "mode=600"]);
        r.Stdout.ShouldContain("region = eu-west-1");
        r.Stdout.ShouldContain("output = text");
        r.Stdout.ShouldNotContain(moto.Seed.AccessKeyId);
        r.Stdout.ShouldNotContain(moto.Seed.SecretAccessKey);
        Directory.Exists(Path.GetDirectoryName(path)).ShouldBeFalse("the private copy is removed when the child ends");
    }

    [Fact]
    public async Task The_consumers_are_the_ones_the_matrix_names()
    {
        using var tool = Tool(Setups["keys in [default] of the credentials file"]);

        var v1 = await tool.ShellAsync("aws --version");
        var v2 = await tool.ShellAsync("/usr/bin/aws --version");

        (v1.Stdout + v1.Stderr).ShouldStartWith("aws-cli/1.", customMessage: "pip's aws CLI v1 must be first on PATH");
        (v2.Stdout + v2.Stderr).ShouldStartWith("aws-cli/2.", customMessage: "Debian's awscli package provides /usr/bin/aws");
        File.Exists(JsConsumer.Sdk).ShouldBeTrue($"{JsConsumer.Sdk} is missing: run `npm ci` in {JsConsumer.Folder}");
    }

    private AwsSessionProcess Tool(Setup setup)
    {
        var tool = new AwsSessionProcess(moto.Url, moto.Seed);
        tool.Set("XDG_CACHE_HOME", cache.Path).Set("MOTO", moto.Url);
        var home = tool.Home;
        string Expand(string s) => s.Replace("$HOME", home, StringComparison.Ordinal);
        tool.WriteAwsFiles(
            $"[default]\nregion = eu-west-1\nendpoint_url = {moto.Url}\noutput = text\n{Expand(setup.Default(moto.Seed))}{setup.Extra}",
            setup.Credentials?.Invoke(moto.Seed));
        File.WriteAllText(Path.Combine(home, "token"), "a-web-identity-token");
        File.WriteAllText(Path.Combine(home, "other-keys.json"),
            $$"""{"Version": 1, "AccessKeyId": "{{moto.Seed.AccessKeyId}}", "SecretAccessKey": "{{moto.Seed.SecretAccessKey}}"}""");
        foreach (var (name, value) in setup.Env ?? [])
            tool.Set(name, Expand(value));
        return tool;
    }

    /// <summary>One configuration: lines for [default], other sections, a credentials file, environment variables.</summary>
    public sealed record Setup(Func<SeedData, string> Default, string Extra = "", Func<SeedData, string>? Credentials = null, Dictionary<string, string>? Env = null);

    /// <summary>One cache for the whole matrix: the MFA and role sessions are made once, then every row is a cache hit.</summary>
    public sealed class SharedCache : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("aws-session-matrix-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

/// <summary>The AWS SDK for JavaScript v3, installed by `npm ci` from the committed lock file (.ci/run does it).</summary>
public static class JsConsumer
{
    public static string Folder { get; } = Path.Combine(Repo.Root, "tests", "Integration", "Consumers", "js");

    public static string Script { get; } = Path.Combine(Folder, "whoami.js");

    public static string Sdk { get; } = Path.Combine(Folder, "node_modules", "@aws-sdk", "client-sts", "package.json");

    /// <summary>fromSSO of @aws-sdk/credential-providers: prints the AccessKeyId it gets for a profile.</summary>
    public static string SsoScript { get; } = Path.Combine(Folder, "sso_credentials.js");

    public static string CredentialProviders { get; } = Path.Combine(Folder, "node_modules", "@aws-sdk", "credential-providers", "package.json");
}
