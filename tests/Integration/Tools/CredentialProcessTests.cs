using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>
/// `aws-session credential-process`: the JSON SDKs read, the cache between calls, no prompt without a terminal,
/// and the guards against a credential source that leads back to aws-session. Runs without a controlling terminal
/// go through `setsid -w`, so a developer's own terminal is never asked.
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class CredentialProcessTests(MotoServer moto) : ProxiedToolTests(moto)
{
    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Prints_the_credential_process_json_and_nothing_on_stderr()
    {
        var r = await Detached("credential-process", "-t", "123456");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        root.GetProperty("Version").GetInt32().ShouldBe(1);
        root.GetProperty("AccessKeyId").GetString().ShouldNotBe(Moto.Seed.AccessKeyId);
        root.GetProperty("SecretAccessKey").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("SessionToken").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("Expiration").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
    }

    [Fact]
    public async Task A_second_call_is_served_from_the_cache_without_STS_or_a_terminal()
    {
        var first = await Detached("credential-process", "pose", Moto.Seed.Accounts[0].Id, "-t", "123456");
        first.ExitCode.ShouldBe(0, first.ToString());
        var callsAfterFirst = Proxy.TotalCalls;
        Proxy.Calls("AssumeRole").ShouldBe(1);

        var second = await Detached("credential-process", "pose", Moto.Seed.Accounts[0].Id);

        second.ExitCode.ShouldBe(0, second.ToString());
        Proxy.TotalCalls.ShouldBe(callsAfterFirst, string.Join(",", Proxy.Log));
        Key(second.Stdout).ShouldBe(Key(first.Stdout));
    }

    [Fact]
    public async Task The_aws_cli_uses_it_through_credential_process_in_the_config()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        var account = Moto.Seed.Accounts[0].Id;
        Tool.WriteAwsFiles(
            $"[profile base]\nregion = us-east-1\n[profile viaproc]\nregion = us-east-1\ncredential_process = aws-session credential-process --profile base pose {account}\n",
            $"[base]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        (await Detached("credential-process", "--profile", "base", "pose", account, "-t", "123456")).ExitCode.ShouldBe(0);

        var r = await Tool.ShellAsync("exec setsid -w aws --profile viaproc sts get-caller-identity --output text --query Arn");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain($"arn:aws:sts::{account}:assumed-role/OrganizationAccountAccessRole/");
        Proxy.Calls("AssumeRole").ShouldBe(1);
    }

    [Theory]
    [InlineData("aws --output text sts get-caller-identity --query Arn")]
    [InlineData("python3 -c 'import boto3; print(boto3.client(\"sts\").get_caller_identity()[\"Arn\"])'")]
    public async Task Under_AWS_PROFILE_naming_its_own_profile_the_base_credentials_are_resolved_as_if_it_were_unset(string consumer)
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        var account = Moto.Seed.Accounts[0].Id;
        Tool.WriteAwsFiles(
            $"[default]\nregion = us-east-1\n[profile prod]\nregion = us-east-1\ncredential_process = aws-session credential-process pose {account}\n",
            $"[default]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        (await Detached("credential-process", "pose", account, "-t", "123456")).ExitCode.ShouldBe(0);
        Tool.Set("AWS_PROFILE", "prod");

        var r = await Tool.ShellAsync($"exec setsid -w {consumer}");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain($"arn:aws:sts::{account}:assumed-role/OrganizationAccountAccessRole/");
        Proxy.Calls("AssumeRole").ShouldBe(1, "the SDK's run was a cache hit of the same session");
    }

    [Fact]
    public async Task Without_a_terminal_and_nothing_cached_it_fails_with_one_clear_line()
    {
        var r = await Detached("credential-process");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("no terminal");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task Asks_for_the_code_on_the_terminal_even_with_stdout_stderr_and_stdin_redirected()
    {
        var output = Path.Combine(Tool.Home, "out.json");
        var errors = Path.Combine(Tool.Home, "err.txt");
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session credential-process </dev/null >{output} 2>{errors}", Tool.Environment);

        await terminal.WaitForTextAsync("MFA code for");
        await terminal.TypeAsync("12");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForTextAsync("6 digits");
        await terminal.TypeAsync("123456");
        await terminal.SendKeysAsync("Enter");

        (await terminal.WaitForExitAsync()).ShouldBe(0, await terminal.ScreenAsync());
        Key(await File.ReadAllTextAsync(output)).ShouldNotBe(Moto.Seed.AccessKeyId);
        (await File.ReadAllTextAsync(errors)).ShouldBeEmpty();
        (await terminal.ScreenAsync()).ShouldNotContain("SessionToken");
    }

    [Fact]
    public async Task Under_the_aws_cli_the_account_picker_filters_on_the_terminal_and_leaves_it_as_it_was()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        var account = Moto.Seed.Accounts[1];
        Tool.WriteAwsFiles(
            "[profile base]\nregion = us-east-1\n[profile picked]\nregion = us-east-1\ncredential_process = aws-session credential-process --profile base pose -t 123456\n",
            $"[base]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");
        // The AWS CLI captures the process's stdout and stderr; the picker has only the terminal itself.
        await using var terminal = await TmuxTerminal.StartAsync(
            "stty -g > before; aws --profile picked sts get-caller-identity --output text --query Arn > arn.txt; s=$?; stty -g > after; (exit $s)",
            Tool.Environment);

        await terminal.WaitForTextAsync("Which account?");
        await terminal.TypeAsync(account.Id[..8]);
        await terminal.WaitForTextAsync($"(1 of {Moto.Seed.Accounts.Count + 1})");
        await terminal.SendKeysAsync("Enter");

        (await terminal.WaitForExitAsync()).ShouldBe(0, await terminal.ScreenAsync());
        (await File.ReadAllTextAsync(Path.Combine(Tool.Home, "arn.txt"))).ShouldContain($"arn:aws:sts::{account.Id}:assumed-role/OrganizationAccountAccessRole/");
        (await terminal.ScreenAsync()).ShouldContain($"Which account? {account.Name}");
        (await File.ReadAllTextAsync(Path.Combine(Tool.Home, "after"))).ShouldBe(await File.ReadAllTextAsync(Path.Combine(Tool.Home, "before")));
    }

    [Theory]
    [InlineData("Escape", 130)]
    [InlineData("C-c", 130)]
    [InlineData("SIGTERM", 143)]
    public async Task A_cancelled_or_terminated_picker_gives_the_terminal_back_as_it_was(string how, int status)
    {
        var output = Path.Combine(Tool.Home, "out.json");
        await using var terminal = await TmuxTerminal.StartAsync(
            $"stty -g > before; aws-session credential-process pose -t 123456 </dev/null >{output} 2>/dev/null; s=$?; stty -g > after; (exit $s)",
            Tool.Environment, keepAlive: true);
        await terminal.WaitForTextAsync("Which account?");
        (await terminal.CursorVisibleAsync()).ShouldBeFalse();
        await terminal.TypeAsync("zzz");
        await terminal.WaitForTextAsync("no match for 'zzz'");

        if (how == "SIGTERM")
            (await ProcessRunner.RunAsync("kill", ["-TERM", (await terminal.CommandPidAsync()).ToString()], Tool.Environment, timeout: TimeSpan.FromSeconds(10))).ExitCode.ShouldBe(0);
        else
            await terminal.SendKeysAsync(how);

        (await terminal.WaitForExitAsync()).ShouldBe(status, await terminal.ScreenAsync());
        (await File.ReadAllTextAsync(Path.Combine(Tool.Home, "after"))).ShouldBe(await File.ReadAllTextAsync(Path.Combine(Tool.Home, "before")));
        (await terminal.CursorVisibleAsync()).ShouldBeTrue();
        (await terminal.ScreenAsync()).ShouldNotContain("no match");
        (await File.ReadAllTextAsync(output)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_profile_whose_credential_process_is_aws_session_is_not_its_own_source()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY").Set("AWS_PROFILE", "loop");
        // AWS_PROFILE's aws-session profile is skipped (the SDK set it for the profile being resolved); default is one too.
        Tool.WriteAwsFiles("[profile loop]\ncredential_process = aws-session credential-process\n[default]\ncredential_process = aws-session credential-process\n");

        var r = await Detached("credential-process");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("gets its credentials from aws-session itself");
        Proxy.TotalCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_credential_process_started_from_its_own_mfa_process_fails_fast_instead_of_waiting_on_its_lock()
    {
        Tool.Unset("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
        Tool.WriteAwsFiles(
            "[profile nested]\nmfa_process = aws-session credential-process --profile nested\n",
            $"[nested]\naws_access_key_id = {Moto.Seed.AccessKeyId}\naws_secret_access_key = {Moto.Seed.SecretAccessKey}\n");

        var r = await Detached("credential-process", "--profile", "nested");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("that would loop");
        r.Duration.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }

    [Fact]
    public async Task The_marker_in_the_environment_is_refused_before_any_AWS_call()
    {
        Tool.Set("AWS_SESSION_CREDENTIAL_PROCESS", "outer");

        var r = await Detached("credential-process", "-t", "123456");

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        r.StderrLines.ShouldHaveSingleItem().ShouldContain("'outer'");
        Proxy.TotalCalls.ShouldBe(0);
    }

    private static string Key(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("AccessKeyId").GetString()!;
    }
}
