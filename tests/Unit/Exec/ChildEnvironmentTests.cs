using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Exec;

namespace AwsSession.Tests.Unit.Exec;

public class ChildEnvironmentTests
{
    private static readonly DateTimeOffset Expiry = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly Session Role = new(new AwsCredentials("ASIANEW", "new-secret", "new-token", Expiry), SessionKind.Role, SessionIdentity.Parse("role:arn:aws:iam::123456789012:role/Admin"));

    private static Dictionary<string, string> Parent() => new()
    {
        ["PATH"] = "/usr/bin:/bin",
        ["HOME"] = "/home/alice",
        ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000",
        ["AWS_ACCESS_KEY_ID"] = "AKIAOLD",
        ["AWS_SECRET_ACCESS_KEY"] = "old-secret",
        ["AWS_SESSION_TOKEN"] = "old-token",
        ["AWS_SECURITY_TOKEN"] = "old-token",
        ["AWS_PROFILE"] = "base",
        ["AWS_DEFAULT_PROFILE"] = "base",
        ["AWS_CREDENTIAL_FILE"] = "/x",
        ["AWS_SDK_LOAD_CONFIG"] = "1",
        ["AWS_CREDENTIAL_EXPIRATION"] = "2000-01-01T00:00:00Z",
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "/v2/credentials/x",
        ["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = "/token",
    };

    [Fact]
    public void With_keys_removes_every_stale_setting_and_sets_the_session()
    {
        var env = ChildEnvironment.WithKeys(Parent(), Role, "eu-west-1");

        foreach (var name in new[] { "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_CREDENTIAL_FILE", "AWS_SDK_LOAD_CONFIG" })
            env.ShouldNotContainKey(name);
        env["AWS_ACCESS_KEY_ID"].ShouldBe("ASIANEW");
        env["AWS_SECRET_ACCESS_KEY"].ShouldBe("new-secret");
        env["AWS_SESSION_TOKEN"].ShouldBe("new-token");
        env["AWS_CREDENTIAL_EXPIRATION"].ShouldBe("2030-01-02T03:04:05Z");
        env["AWS_REGION"].ShouldBe("eu-west-1");
        env["AWS_DEFAULT_REGION"].ShouldBe("eu-west-1");
        env[ChildEnvironmentNames.Identity].ShouldBe("role:arn:aws:iam::123456789012:role/Admin");
    }

    [Fact]
    public void Everything_else_is_inherited_unchanged()
    {
        var env = ChildEnvironment.WithKeys(Parent(), Role, null);

        env["PATH"].ShouldBe("/usr/bin:/bin");
        env["HOME"].ShouldBe("/home/alice");
        env["AWS_ENDPOINT_URL"].ShouldBe("http://127.0.0.1:5000");
    }

    [Fact]
    public void Without_a_region_no_region_variable_is_set()
    {
        var parent = Parent();
        var env = ChildEnvironment.WithKeys(parent, Role, null);

        env.ShouldNotContainKey("AWS_REGION");
        env.ShouldNotContainKey("AWS_DEFAULT_REGION");
    }

    [Fact]
    public void Long_lived_keys_get_no_token_and_no_expiration()
    {
        var keys = new Session(new AwsCredentials("AKIAKEYS", "s"), SessionKind.Environment, SessionIdentity.Parse("keys:default"));

        var env = ChildEnvironment.WithKeys(Parent(), keys, null);

        env.ShouldNotContainKey("AWS_SESSION_TOKEN");
        env.ShouldNotContainKey("AWS_CREDENTIAL_EXPIRATION");
    }

    [Fact]
    public void With_server_the_child_gets_the_endpoint_and_no_keys_at_all()
    {
        var server = new[] { new KeyValuePair<string, string>(ChildEnvironmentNames.ContainerFullUri, "http://127.0.0.1:1234/"), new(ChildEnvironmentNames.ContainerAuthorizationToken, "tok") };

        var files = new[] { new KeyValuePair<string, string>("AWS_CONFIG_FILE", "/tmp/x/config"), new("AWS_SHARED_CREDENTIALS_FILE", "/dev/null") };

        var env = ChildEnvironment.WithServer(Parent(), Role, "eu-west-1", server, files);

        foreach (var name in ChildEnvironmentNames.Removed)
            env.ShouldNotContainKey(name);
        env.Values.ShouldNotContain("new-secret");
        env.Values.ShouldNotContain("new-token");
        env["AWS_CONTAINER_CREDENTIALS_FULL_URI"].ShouldBe("http://127.0.0.1:1234/");
        env["AWS_CONTAINER_AUTHORIZATION_TOKEN"].ShouldBe("tok");
        env.ShouldNotContainKey("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        env.ShouldNotContainKey("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        env["AWS_SHARED_CREDENTIALS_FILE"].ShouldBe("/dev/null");
        env["AWS_CONFIG_FILE"].ShouldBe("/tmp/x/config");
        env["AWS_REGION"].ShouldBe("eu-west-1");
        env[ChildEnvironmentNames.Identity].ShouldBe(Role.Identity.ToString());
    }

    [Fact]
    public void With_server_web_identity_and_account_variables_are_removed()
    {
        var parent = Parent();
        parent["AWS_WEB_IDENTITY_TOKEN_FILE"] = "/var/run/token";
        parent["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/Other";
        parent["AWS_ROLE_SESSION_NAME"] = "x";
        parent["AWS_ACCOUNT_ID"] = "123456789012";

        var env = ChildEnvironment.WithServer(parent, Role, null, [], []);

        foreach (var name in new[] { "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME", "AWS_ACCOUNT_ID" })
            env.ShouldNotContainKey(name);
    }
}
