using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>A role profile with credential_source = Environment: the keys in the environment are its source, as for the AWS CLI.</summary>
[Collection(MotoCollection.Name)]
public sealed class CredentialSourceTests(MotoServer moto) : ProxiedToolTests(moto)
{
    private const string Role = "arn:aws:iam::123456789012:role/Deploy";

    [Fact]
    public async Task The_role_is_assumed_over_an_MFA_session_of_the_environment_keys()
    {
        Tool.WriteAwsFiles($"[profile ci]\nrole_arn = {Role}\ncredential_source = Environment\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n");

        var r = await Tool.RunAsync("--profile", "ci", "-t", "123456", "--shell", "json");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var doc = JsonDocument.Parse(r.Stdout);
        doc.RootElement.GetProperty("AWS_SESSION_IDENTITY").GetString().ShouldBe("role:" + Role);
        Proxy.Calls("GetSessionToken").ShouldBe(1);
        Proxy.Calls("AssumeRole").ShouldBe(1);
    }

    [Fact]
    public async Task Without_keys_in_the_environment_it_says_which_variables_are_missing_before_any_call()
    {
        Tool.WriteAwsFiles($"[profile ci]\nrole_arn = {Role}\ncredential_source = Environment\n");
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");

        var r = await Tool.RunAsync("--profile", "ci", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldContain(l => l.Contains("credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set"));
        Proxy.TotalCalls.ShouldBe(0);
    }
}
