using AwsSession.Prompts;
using AwsSession.Prompts.Picker;
using Spectre.Console.Testing;

namespace AwsSession.Tests.Unit.Prompts.Picker;

public sealed class PickerViewTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Accounts =
    [
        ["master", "111111111111", "root@example.com"],
        ["prod", "222222222222", "prod@example.com"],
        ["staging", "333333333333", "staging@example.com"],
        ["stage-eu", "444444444444", "eu@example.com"],
        ["dev", "555555555555", "STAGE-dev@example.com"],
    ];

    private static PickerView Typed(PickerView view, string text) =>
        text.Aggregate(view, (v, c) => v.Apply(PickerInput.Char(c)));

    private static IReadOnlyList<IReadOnlyList<string>> Many(int n) =>
        Enumerable.Range(0, n).Select(i => (IReadOnlyList<string>)[$"team-{i:D4}", $"{i:D12}", $"t{i}@example.com"]).ToList();

    private static string Screen(PickerView view, int width = 80) => string.Join('\n', view.Render(width).Select(l => l.Text));

    [Fact]
    public void Typing_keeps_the_rows_with_the_text_in_any_column_ignoring_case_and_counts_them()
    {
        var view = Typed(PickerView.Open("Which account?", Accounts, 10), "STAG");

        view.Matches.ShouldBe([2, 3, 4]);
        Screen(view).ShouldStartWith("Which account? STAG  (3 of 5)");
        Typed(PickerView.Open("Which account?", Accounts, 10), "3333").Matches.ShouldBe([2]);
    }

    [Fact]
    public void Typing_st_does_not_land_on_master_but_keeps_only_matches()
    {
        var view = Typed(PickerView.Open("Which account?", Accounts, 10), "st");

        view.Matches.ShouldNotContain(1);
        view.Matches.ShouldBe([0, 2, 3, 4]); // master contains "st" too, and stays first: the order is the caller's
        view.Apply(new PickerInput(PickerKey.Enter)).Choice.ShouldBe(0);
    }

    [Fact]
    public void Backspace_widens_the_filter_again()
    {
        var view = Typed(PickerView.Open("Which account?", Accounts, 10), "stagi");
        view.Matches.ShouldBe([2]);

        view = view.Apply(new PickerInput(PickerKey.Backspace)).Apply(new PickerInput(PickerKey.Backspace));

        view.Filter.ShouldBe("sta");
        view.Matches.ShouldBe([2, 3, 4]);
        Screen(view).ShouldContain("(3 of 5)");
    }

    [Fact]
    public void No_match_says_so_and_enter_does_nothing()
    {
        var view = Typed(PickerView.Open("Which account?", Accounts, 10), "zzz");

        Screen(view).ShouldContain("no match for 'zzz'");
        Screen(view).ShouldContain("(0 of 5)");
        view.Apply(new PickerInput(PickerKey.Enter)).Outcome.ShouldBe(PickerOutcome.Open);
    }

    [Fact]
    public void Columns_are_aligned_and_the_selected_row_is_marked()
    {
        var lines = PickerView.Open("Which account?", Accounts, 10).Render(80);

        lines.ShouldContain(new PickerLine("> master    111111111111  root@example.com", PickerLineKind.Selected));
        lines.ShouldContain(new PickerLine("  stage-eu  444444444444  eu@example.com", PickerLineKind.Item));
        lines[^1].Kind.ShouldBe(PickerLineKind.Hint);
        lines.Count(l => l.Kind == PickerLineKind.Hint).ShouldBe(1);
    }

    [Fact]
    public void A_long_list_shows_a_window_with_more_below_then_more_above_as_the_selection_moves()
    {
        var view = PickerView.Open("Which account?", Many(1000), 5);
        Screen(view).ShouldContain("↓ 995 more below");
        Screen(view).ShouldNotContain("more above");
        Screen(view).ShouldContain("(1,000)");

        for (var i = 0; i < 7; i++)
            view = view.Apply(new PickerInput(PickerKey.Down));

        view.Selected.ShouldBe(7);
        view.Top.ShouldBe(3);
        Screen(view).ShouldContain("↑ 3 more above");
        Screen(view).ShouldContain("↓ 992 more below");
        view.Apply(new PickerInput(PickerKey.End)).Apply(new PickerInput(PickerKey.Enter)).Choice.ShouldBe(999);
        view.Apply(new PickerInput(PickerKey.Home)).Top.ShouldBe(0);
    }

    [Fact]
    public void Filtering_a_thousand_rows_counts_them_with_separators()
    {
        var view = Typed(PickerView.Open("Which account?", Many(1000), 5), "team-00");

        Screen(view).ShouldContain("(100 of 1,000)");
        view.Selected.ShouldBe(0);
        view.Top.ShouldBe(0);
    }

    [Fact]
    public void Moving_past_the_ends_stays_on_the_first_or_last_row()
    {
        var view = PickerView.Open("Which account?", Accounts, 10);

        view.Apply(new PickerInput(PickerKey.Up)).Selected.ShouldBe(0);
        view.Apply(new PickerInput(PickerKey.PageDown)).Apply(new PickerInput(PickerKey.Down)).Selected.ShouldBe(4);
    }

    [Fact]
    public void No_line_is_as_wide_as_the_terminal_so_none_wraps()
    {
        IReadOnlyList<IReadOnlyList<string>> rows = [["a-very-long-account-name-indeed", "123456789012", new string('e', 100) + "@example.com"]];

        var lines = PickerView.Open("Which account?", rows, 10).Render(60);

        lines.ShouldAllBe(l => l.Text.Length < 60);
        lines.ShouldContain(l => l.Text.EndsWith('…'));
    }

    [Theory]
    [InlineData(ConsoleKey.Escape, '\x1b', (ConsoleModifiers)0)]
    [InlineData(ConsoleKey.C, '\x03', ConsoleModifiers.Control)]
    [InlineData(ConsoleKey.D, '\x04', ConsoleModifiers.Control)]
    public void Esc_and_control_c_cancel(ConsoleKey key, char c, ConsoleModifiers modifiers)
    {
        var input = PickerInput.From(new ConsoleKeyInfo(c, key, false, false, modifiers.HasFlag(ConsoleModifiers.Control)));

        var view = PickerView.Open("Which account?", Accounts, 10).Apply(input);

        view.Outcome.ShouldBe(PickerOutcome.Cancelled);
        view.Choice.ShouldBeNull();
    }

    [Fact]
    public void The_terminal_picker_clears_its_lines_and_shows_the_cursor_when_cancelled()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushText("sta");
        console.Input.PushKey(ConsoleKey.Escape);

        Should.Throw<OperationCanceledException>(() => new SpectreInteraction(() => console, canPrompt: true).Pick("Which account?", Accounts, r => r));

        console.Output.ShouldContain("\e[?25l");
        console.Output.ShouldMatch(@"(\e\[2K\n){5}\e\[5A\r\e\[\?25h$"); // title, 3 rows, hint
    }

    [Fact]
    public void The_terminal_picker_leaves_one_line_naming_the_choice()
    {
        var console = new TestConsole().Interactive();
        console.Input.PushText("eu");
        console.Input.PushKey(ConsoleKey.Enter);

        var picked = new SpectreInteraction(() => console, canPrompt: true).Pick("Which account?", Accounts, r => r);

        picked[0].ShouldBe("stage-eu");
        console.Output.ShouldEndWith("\e[?25hWhich account? stage-eu  444444444444  eu@example.com\n");
    }
}
