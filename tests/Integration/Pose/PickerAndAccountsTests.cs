using System.Text.Json;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>The account picker in a real terminal (tmux), and `aws-session accounts`.</summary>
[Collection(OrgCollection.Name)]
public sealed class PickerAndAccountsTests(OrgFixture org) : IDisposable
{
    private readonly AwsSessionProcess _tool = org.Tool();

    public void Dispose() => _tool.Dispose();

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task The_picker_filters_as_you_type_and_enter_chooses()
    {
        var output = Path.Combine(_tool.Home, "exports.json");
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session pose -t 123456 --shell json > '{output}'", _tool.Environment);

        var screen = await terminal.WaitForTextAsync("Which account?");
        screen.ShouldContain("prod");
        screen.ShouldContain($"({org.TotalAccounts})");
        screen.ShouldContain("more below");
        await terminal.TypeAsync("stagi");
        screen = await terminal.WaitForTextAsync($"(1 of {org.TotalAccounts})");
        screen.ShouldMatch($@"> staging\s+{org.Account("staging").Id}  staging@example\.com");
        screen.ShouldNotContain("prod@example.com");
        await terminal.SendKeysAsync("Enter");

        (await terminal.WaitForExitAsync()).ShouldBe(0, await terminal.ScreenAsync());
        using var doc = JsonDocument.Parse(await File.ReadAllTextAsync(output));
        doc.RootElement.GetProperty("AWS_SESSION_IDENTITY").GetString().ShouldBe($"role:arn:aws:iam::{org.Account("staging").Id}:role/OrganizationAccountAccessRole");
        (await terminal.ScreenAsync()).ShouldContain($"Assumed OrganizationAccountAccessRole in staging ({org.Account("staging").Id})");
    }

    [Theory]
    [InlineData("Escape")]
    [InlineData("C-c")]
    public async Task Esc_and_control_c_cancel_the_picker_with_130_the_cursor_shown_its_lines_cleared_and_nothing_on_stdout(string key)
    {
        var output = Path.Combine(_tool.Home, "exports.out");
        await using var terminal = await TmuxTerminal.StartAsync($"aws-session pose -t 123456 > '{output}'", _tool.Environment, keepAlive: true);
        await terminal.WaitForTextAsync("Which account?");
        (await terminal.CursorVisibleAsync()).ShouldBeFalse();
        await terminal.TypeAsync("zzz");
        await terminal.WaitForTextAsync("no match for 'zzz'");

        await terminal.SendKeysAsync(key);

        (await terminal.WaitForExitAsync()).ShouldBe(130, await terminal.ScreenAsync());
        // The last words written: once tmux shows them it has read everything before, the cursor's return included.
        var screen = await terminal.WaitForTextAsync("aws-session: cancelled");
        (await terminal.CursorVisibleAsync()).ShouldBeTrue();
        screen.ShouldNotContain("Which account?");
        screen.ShouldNotContain("no match");
        (await File.ReadAllTextAsync(output)).ShouldBeEmpty();
    }

    [Fact]
    public async Task On_a_cold_cache_the_mfa_code_is_asked_first_then_the_picker_opens()
    {
        await using var terminal = await TmuxTerminal.StartAsync("aws-session pose --shell json > /dev/null", _tool.Environment);

        await terminal.WaitForTextAsync("MFA code");
        await terminal.TypeAsync("123456");
        await terminal.SendKeysAsync("Enter");
        await terminal.WaitForTextAsync("Which account?");
        await terminal.SendKeysAsync("Escape");

        (await terminal.WaitForExitAsync()).ShouldBe(130, await terminal.ScreenAsync());
    }

    [Theory]
    [InlineData("INT", 130)]
    [InlineData("TERM", 143)]
    public async Task A_sigint_or_sigterm_from_outside_the_terminal_restores_it_and_ends_the_run(string signal, int status)
    {
        await using var terminal = await TmuxTerminal.StartAsync("aws-session pose -t 123456 > /dev/null", _tool.Environment, keepAlive: true);
        await terminal.WaitForTextAsync("Which account?");
        var pid = await terminal.CommandPidAsync();

        (await ProcessRunner.RunAsync("kill", ["-" + signal, pid.ToString()], _tool.Environment, timeout: TimeSpan.FromSeconds(10))).ExitCode.ShouldBe(0);

        (await terminal.WaitForExitAsync()).ShouldBe(status, await terminal.ScreenAsync());
        var cleared = false;
        for (var i = 0; i < 50 && !cleared; i++, await Task.Delay(100))
            cleared = !(await terminal.ScreenAsync()).Contains("Which account?", StringComparison.Ordinal) && await terminal.CursorVisibleAsync();
        cleared.ShouldBeTrue(await terminal.ScreenAsync());
    }

    [Fact]
    public async Task A_picked_account_comes_first_the_next_time()
    {
        (await _tool.RunAsync("pose", "team-0017", "-t", "123456")).ExitCode.ShouldBe(0);
        await using var terminal = await TmuxTerminal.StartAsync("aws-session pose --shell json > /dev/null", _tool.Environment);

        var screen = await terminal.WaitForTextAsync("Which account?");

        screen.ShouldMatch($@"> team-0017\s+{org.Account("team-0017").Id}");
        await terminal.SendKeysAsync("Escape");
        (await terminal.WaitForExitAsync()).ShouldBe(130);
    }

    [Trait("Category", "Smoke")]
    [Fact]
    public async Task Accounts_lists_name_id_email_status_as_json_when_piped_then_from_the_cache()
    {
        org.Proxy.Reset();
        var cold = await _tool.RunAsync("accounts", "-t", "123456");
        var calls = org.Proxy.Calls("ListAccounts");
        var warm = await _tool.RunAsync("accounts");
        var warmCalls = org.Proxy.Calls("ListAccounts") - calls;
        var refreshed = await _tool.RunAsync("accounts", "--refresh", "--json");

        cold.ExitCode.ShouldBe(0, cold.ToString());
        using var doc = JsonDocument.Parse(cold.Stdout);
        var rows = doc.RootElement.EnumerateArray().ToList();
        rows.Count.ShouldBe(org.TotalAccounts);
        var prod = rows.Single(r => r.GetProperty("name").GetString() == "prod");
        prod.GetProperty("id").GetString().ShouldBe(org.Account("prod").Id);
        prod.GetProperty("email").GetString().ShouldBe("prod@example.com");
        prod.GetProperty("status").GetString().ShouldBe("ACTIVE");
        calls.ShouldBe((org.TotalAccounts + 19) / 20);

        warm.ExitCode.ShouldBe(0, warm.ToString());
        warm.Stdout.ShouldBe(cold.Stdout);
        warmCalls.ShouldBe(0);
        refreshed.ExitCode.ShouldBe(0, refreshed.ToString());
        (org.Proxy.Calls("ListAccounts") - calls).ShouldBe(calls);
    }

    [Fact]
    public async Task Accounts_prints_a_table_on_a_terminal()
    {
        (await _tool.RunAsync("accounts", "-t", "123456")).ExitCode.ShouldBe(0);
        await using var terminal = await TmuxTerminal.StartAsync("aws-session accounts", _tool.Environment);

        (await terminal.WaitForExitAsync()).ShouldBe(0);
        var screen = await terminal.ScreenAsync();
        screen.ShouldContain("name");
        screen.ShouldContain("status");
        screen.ShouldMatch($@"│\s*staging\s*│\s*{org.Account("staging").Id}\s*│\s*staging@example\.com\s*│\s*ACTIVE\s*│");
    }
}
