using AwsSession.Config;

namespace AwsSession.Tests.Unit.Config;

public class CredentialFreeConfigTests
{
    [Theory]
    [InlineData("aws_access_key_id = AKIAEXAMPLE")]
    [InlineData("aws_secret_access_key=SECRETVALUE")]
    [InlineData("AWS_SESSION_TOKEN = tok")]
    [InlineData("aws_security_token = tok")]
    [InlineData("aws_account_id = 123456789012")]
    [InlineData("credential_process = /usr/bin/get-keys")]
    [InlineData("credential_source = EcsContainer")]
    [InlineData("role_arn = arn:aws:iam::123456789012:role/Other")]
    [InlineData("source_profile = base")]
    [InlineData("role_session_name = x")]
    [InlineData("external_id = x")]
    [InlineData("duration_seconds = 3600")]
    [InlineData("mfa_serial = arn:aws:iam::123456789012:mfa/alice")]
    [InlineData("mfa_process = pass otp aws")]
    [InlineData("web_identity_token_file = /var/run/token")]
    [InlineData("sso_start_url = https://example.awsapps.com/start")]
    [InlineData("sso_session = corp")]
    [InlineData("sso_account_id = 123456789012")]
    [InlineData("sso_role_name = Admin")]
    [InlineData("sso_region = eu-west-1")]
    [InlineData("login_session = arn:aws:iam::123456789012:user/alice")]
    public void Credential_keys_are_removed(string line)
    {
        var filtered = CredentialFreeConfig.Filter($"[default]\nregion = eu-west-1\n{line}\noutput = text\n");

        filtered.ShouldBe("[default]\nregion = eu-west-1\noutput = text\n");
    }

    [Fact]
    public void Settings_the_child_relies_on_are_kept_in_every_profile()
    {
        const string config = """
            [default]
            region = eu-west-1
            output = text
            endpoint_url = http://127.0.0.1:4566
            ca_bundle = /etc/ssl/corp.pem
            retry_mode = adaptive
            max_attempts = 7
            s3 =
              addressing_style = path
              max_concurrent_requests = 20
            services = local

            [profile dev]
            region = us-west-2
            cli_pager =

            [services local]
            sts =
              endpoint_url = http://127.0.0.1:4566
            """;

        CredentialFreeConfig.Filter(config).ShouldBe(string.Join('\n', config.Split('\n').Where(l => l.Length > 0)) + "\n");
    }

    [Fact]
    public void A_credential_key_takes_its_indented_continuation_lines_with_it()
    {
        var filtered = CredentialFreeConfig.Filter("[default]\naws_secret_access_key =\n  SECRETVALUE\nregion = eu-west-1\n");

        filtered.ShouldBe("[default]\nregion = eu-west-1\n");
    }

    [Fact]
    public void Sso_session_sections_are_removed_whole()
    {
        var filtered = CredentialFreeConfig.Filter("[sso-session corp]\nsso_start_url = https://x\nsso_region = eu-west-1\nregistration_scopes = sso:account:access\n[default]\nregion = eu-west-1\n");

        filtered.ShouldBe("[default]\nregion = eu-west-1\n");
    }

    [Fact]
    public void Comments_and_lines_it_cannot_read_are_dropped_so_no_secret_survives_by_accident()
    {
        const string config = """
            # aws_secret_access_key = OLDSECRET
            ; aws_access_key_id = AKIAOLD
            orphan = before any section
            [default]
            wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            aws_secret_access_key: SECRET-WITH-COLON
            aws_secret_access_key SECRET-WITH-A-SPACE
            region = eu-west-1
            [broken
            aws_access_key_id = AKIAINBROKEN
            """;

        var filtered = CredentialFreeConfig.Filter(config);

        filtered.ShouldBe("[default]\nregion = eu-west-1\n");
    }

    [Fact]
    public void An_empty_or_absent_config_gives_an_empty_copy()
    {
        CredentialFreeConfig.Filter("").ShouldBe("");
        CredentialFreeConfig.Filter("[default]\naws_access_key_id = AKIA\n").ShouldBe("[default]\n");
    }

    [Fact]
    public void Windows_line_endings_are_read_like_unix_ones()
    {
        CredentialFreeConfig.Filter("[default]\r\naws_access_key_id = AKIA\r\nregion = eu-west-1\r\n").ShouldBe("[default]\nregion = eu-west-1\n");
    }

    [Fact]
    public void An_indented_credential_key_is_dropped_even_under_a_kept_key_since_some_SDKs_read_it_as_a_key()
    {
        var filtered = CredentialFreeConfig.Filter("[default]\nregion = eu-west-1\n  aws_secret_access_key = SECRET\ns3 =\n  addressing_style = path\n  aws_access_key_id = AKIANESTED\n");

        filtered.ShouldBe("[default]\nregion = eu-west-1\ns3 =\n  addressing_style = path\n");
    }

    [Fact]
    public void A_headers_comment_is_dropped_and_a_lone_CR_ends_a_line()
    {
        CredentialFreeConfig.Filter("[default] # aws_secret_access_key = OLDSECRET\nregion = eu-west-1\n").ShouldBe("[default]\nregion = eu-west-1\n");
        CredentialFreeConfig.Filter("[default]\rregion = eu-west-1\raws_secret_access_key = SECRET\r").ShouldBe("[default]\nregion = eu-west-1\n");
    }
}
