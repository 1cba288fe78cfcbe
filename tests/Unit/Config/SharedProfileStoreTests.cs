using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Config;

/// <summary>The real files, in a temp dir per test.</summary>
public sealed class SharedProfileStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-session-profiles-").FullName;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private SharedProfileStore Store(string config, string credentials) =>
        new(Env.Of(("HOME", Path.Combine(_dir, "no-home")), ("AWS_CONFIG_FILE", Write("my-config", config)), ("AWS_SHARED_CREDENTIALS_FILE", Write("my-credentials", credentials))));

    [Fact]
    public void AWS_SHARED_CREDENTIALS_FILE_is_honoured()
    {
        var store = Store("", "[work]\naws_access_key_id = AKIAWORK000000000000\naws_secret_access_key = work-secret\nregion = eu-central-1\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n");

        var p = store.Find("work").ShouldNotBeNull();

        p.AccessKeyId.ShouldBe("AKIAWORK000000000000");
        p.SecretAccessKey.ShouldBe("work-secret");
        p.Region.ShouldBe("eu-central-1");
        p.MfaSerial.ShouldBe("arn:aws:iam::123456789012:mfa/alice");
    }

    [Fact]
    public void Mfa_process_and_duration_seconds_are_read_from_AWS_CONFIG_FILE_though_the_SDK_does_not_expose_them()
    {
        var store = Store("[profile admin]\nmfa_process = pass otp aws\nduration_seconds = 1800\n",
            "[admin]\nrole_arn = arn:aws:iam::2:role/Admin\nsource_profile = work\nexternal_id = ext-1\nrole_session_name = alice\n[work]\naws_access_key_id = AKIAWORK000000000000\naws_secret_access_key = work-secret\n");

        var p = store.Find("admin").ShouldNotBeNull();

        p.MfaProcess.ShouldBe("pass otp aws");
        p.DurationSeconds.ShouldBe(1800);
        p.RoleArn.ShouldBe("arn:aws:iam::2:role/Admin");
        p.SourceProfile.ShouldBe("work");
        p.ExternalId.ShouldBe("ext-1");
        p.RoleSessionName.ShouldBe("alice");
    }

    [Fact]
    public void Ca_bundle_is_read_as_written_without_expanding_a_tilde_as_botocore_reads_it()
    {
        Store("[profile work]\nca_bundle = ~/proxy.pem\n", "").Find("work").ShouldNotBeNull().CaBundle.ShouldBe("~/proxy.pem");
    }

    [Fact]
    public void A_missing_profile_is_null_and_missing_files_are_no_error()
    {
        var store = new SharedProfileStore(Env.Of(("HOME", Path.Combine(_dir, "nothing-here"))));

        store.Find("default").ShouldBeNull();
    }

    [Fact]
    public void The_default_files_live_under_HOME()
    {
        var store = new SharedProfileStore(Env.Of(("HOME", "/home/alice")));

        store.ConfigPath.ShouldBe("/home/alice/.aws/config");
        store.CredentialsPath.ShouldBe("/home/alice/.aws/credentials");
    }

    [Fact]
    public void A_malformed_config_is_one_clear_error()
    {
        var store = Store("[profile work\nregion = eu-central-1\nthis is not ini\n", "");

        var e = Should.Throw<AwsSessionException>(() => store.Find("work"));

        e.Message.ShouldStartWith("malformed AWS config");
        e.Message.ShouldNotContain("\n");
        e.ExitCode.ShouldBe(1);
    }

    [Theory]
    [InlineData("[default]\naws_access_key_id = AKIAX\naws_secret_access_key wJalrSECRETVALUE\n", "", "my-credentials", 3)]
    [InlineData("[default]\nwJalrSECRETVALUE\n", "", "my-credentials", 2)]
    [InlineData("", "[default]\nregion = eu-west-1\n\nwJalrSECRETVALUE\n", "my-config", 4)]
    public void A_malformed_file_is_named_with_its_line_number_and_never_the_lines_content(string credentials, string config, string file, int line)
    {
        var store = Store(config, credentials);

        var e = Should.Throw<AwsSessionException>(() => store.Find("default"));

        e.Line.ShouldNotContain("SECRETVALUE");
        e.ToString().ShouldNotContain("SECRETVALUE");
        e.InnerException.ShouldBeNull("--debug prints inner exceptions, and the SDK's quotes the line");
        e.Message.ShouldBe($"malformed AWS config: line {line} of {Path.Combine(_dir, file)} is not a section, a key = value or a comment");
    }

    [Fact]
    public void A_bad_duration_seconds_names_the_profile()
    {
        var store = Store("[profile work]\nduration_seconds = soon\n", "[work]\naws_access_key_id = A\naws_secret_access_key = B\n");

        Should.Throw<AwsSessionException>(() => store.Find("work")).Message.ShouldContain("profile 'work': duration_seconds 'soon'");
    }

    [Fact]
    public void A_profile_joins_both_files_and_the_credentials_file_wins_where_both_have_a_key()
    {
        var store = Store("[profile work]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::1:mfa/a\naws_access_key_id = AKIACONFIG\n",
            "[work]\naws_access_key_id = AKIACREDS\naws_secret_access_key = s\n");

        var p = store.Find("work").ShouldNotBeNull();

        (p.AccessKeyId, p.SecretAccessKey, p.Region, p.MfaSerial).ShouldBe(("AKIACREDS", "s", "eu-west-1", "arn:aws:iam::1:mfa/a"));
    }

    [Fact]
    public void In_the_config_a_profile_is_profile_NAME_or_default_and_sso_sessions_are_their_own()
    {
        var store = Store("[default]\nregion = us-east-1\n[work]\nregion = nowhere\n[sso-session corp]\nsso_region = eu-west-1\n[sso-session alpha]\n", "");

        store.Find("default")!.Region.ShouldBe("us-east-1");
        store.Find("work").ShouldBeNull();
        store.FindSsoSession("corp")!["sso_region"].ShouldBe("eu-west-1");
        store.SsoSessionNames().ShouldBe(["alpha", "corp"]);
    }

    [Fact]
    public void Each_file_is_read_once_per_run()
    {
        var store = Store("[profile work]\nregion = eu-west-1\n", "[work]\naws_access_key_id = A\naws_secret_access_key = B\n");
        store.RequireRegularFiles();
        File.Delete(Path.Combine(_dir, "my-config"));
        File.Delete(Path.Combine(_dir, "my-credentials"));

        store.Find("work")!.Region.ShouldBe("eu-west-1");
        store.Find("work")!.AccessKeyId.ShouldBe("A");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
