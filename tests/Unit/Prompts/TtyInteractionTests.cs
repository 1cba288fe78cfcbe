using AwsSession.Domain;
using AwsSession.Platform;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Prompts;

public sealed class TtyInteractionTests
{
    private readonly StringWriter _screen = new();

    private TtyInteraction Typing(string keys) => new(() => new TtyStreams(new StringReader(keys), _screen));

    [Fact]
    public void Asks_again_on_a_malformed_code_and_returns_the_valid_one()
    {
        var code = Typing("12\nabcdef\n 123456 \n").AskMfaCode("arn:aws:iam::1:mfa/alice", 1);

        code.ShouldBe("123456");
        _screen.ToString().Split("MFA code for arn:aws:iam::1:mfa/alice").Length.ShouldBe(4);
        _screen.ToString().ShouldContain("6 digits");
    }

    [Fact]
    public void A_retry_says_which_try_it_is()
    {
        Typing("654321\n").AskMfaCode("dev", 2);

        _screen.ToString().ShouldContain("(try 2)");
    }

    [Fact]
    public void Ctrl_D_at_the_prompt_cancels()
    {
        // In the terminal's canonical mode, Ctrl-D on an empty line is the end of input: ReadLine's null.
        Should.Throw<OperationCanceledException>(() => Typing("").AskMfaCode("dev", 1));
    }

    [Fact]
    public void An_empty_line_says_why_it_asks_again()
    {
        Typing("\n123456\n").AskMfaCode("dev", 1).ShouldBe("123456");

        _screen.ToString().ShouldContain(MfaCodes.EmptyAnswer);
    }

    [Theory]
    [InlineData("\n", "a")]
    [InlineData("2\n", "b")]
    [InlineData("9\nx\n3\n", "c")]
    public void Where_keys_cannot_be_read_one_by_one_pick_is_a_numbered_list_with_the_first_as_default(string keys, string expected)
    {
        Typing(keys).Pick("Which?", ["a", "b", "c"], s => [s]).ShouldBe(expected);

        _screen.ToString().ShouldContain("  3) c");
    }

    private static readonly string[][] Accounts = [["prod", "111111111111"], ["staging", "222222222222"], ["stage-eu", "333333333333"]];

    /// <summary>A terminal whose keys are read byte by byte: the bytes scripted, raw mode counted.</summary>
    private sealed class ScriptedKeys(string bytes, int width = 80, int height = 24) : IRawInput
    {
        private readonly Func<TimeSpan?, int?> _next = TtyKeysTests.Bytes(bytes);

        /// <summary>The terminal's width now: a test resizes it.</summary>
        public int Width { get; set; } = width;

        /// <summary>Runs after each byte is read.</summary>
        public Action? AfterEachByte { get; set; }

        public int Taken { get; private set; }

        public int Released { get; private set; }

        public IDisposable TakeRaw()
        {
            Taken++;
            return new Release(() => Released++);
        }

        public int? Next(TimeSpan? wait)
        {
            var b = _next(wait);
            AfterEachByte?.Invoke();
            return b;
        }

        public (int Width, int Height) Size => (Width, height);

        private sealed class Release(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }

    [Fact]
    public void Pick_filters_as_keys_are_typed_in_raw_mode_and_leaves_one_line_naming_the_choice()
    {
        var keys = new ScriptedKeys("stag\e[B\r");

        var picked = new TtyInteraction(() => new TtyStreams(new StringReader(""), _screen, keys)).Pick("Which account?", Accounts, r => r);

        picked[0].ShouldBe("stage-eu");
        keys.Taken.ShouldBe(1);
        keys.Released.ShouldBeGreaterThanOrEqualTo(1);
        _screen.ToString().ShouldContain("(2 of 3)");
        _screen.ToString().ShouldNotContain("number [");
        _screen.ToString().ShouldEndWith("\e[?25hWhich account? stage-eu  333333333333\n");
    }

    [Theory]
    [InlineData("zz\e")]
    [InlineData("\x03")]
    [InlineData("sta")]
    public void Esc_control_c_or_the_end_of_input_cancel_the_picker_and_give_the_terminal_back(string bytes)
    {
        var keys = new ScriptedKeys(bytes);

        Should.Throw<OperationCanceledException>(() =>
            new TtyInteraction(() => new TtyStreams(new StringReader(""), _screen, keys)).Pick("Which account?", Accounts, r => r));

        keys.Released.ShouldBeGreaterThanOrEqualTo(1);
        _screen.ToString().ShouldEndWith("\e[?25h");
    }

    [Fact]
    public void The_picker_fits_the_terminals_size()
    {
        var many = Enumerable.Range(0, 40).Select(i => new[] { $"team-{i:D4}", "a-rather-long-column-of-text-that-will-not-fit" }).ToArray();
        var keys = new ScriptedKeys("\r", width: 30, height: 10);

        new TtyInteraction(() => new TtyStreams(new StringReader(""), _screen, keys)).Pick("Which account?", many, r => r);

        _screen.ToString().ShouldContain("35 more below"); // 10 rows tall: 5 rows shown
        _screen.ToString().ShouldContain("…");
    }

    [Fact]
    public void A_terminal_resized_while_the_picker_is_open_is_drawn_to_its_new_width_at_the_next_key()
    {
        var keys = new ScriptedKeys("s\r", width: 200);
        keys.AfterEachByte = () => keys.Width = 16;

        new TtyInteraction(() => new TtyStreams(new StringReader(""), _screen, keys)).Pick("Which account?", Accounts, r => r);

        _screen.ToString().ShouldContain("111111111111"); // drawn 200 wide before the first key
        _screen.ToString().ShouldContain("> staging   22…"); // and 16 wide after it
    }

    [Fact]
    public void Without_a_terminal_it_cannot_prompt_and_says_so()
    {
        var opened = 0;
        var none = new TtyInteraction(() => { opened++; return null; });

        none.CanPrompt.ShouldBeFalse();
        none.CanPrompt.ShouldBeFalse();
        opened.ShouldBe(1);
        Should.Throw<AwsSessionException>(() => none.AskMfaCode("dev", 1)).Message.ShouldContain("no terminal");
    }

    [Fact]
    public void Opening_is_deferred_until_a_prompt_is_needed()
    {
        var opened = false;
        _ = new TtyInteraction(() => { opened = true; return null; });

        opened.ShouldBeFalse();
    }

    [Fact]
    public async Task Progress_runs_the_work_silently()
    {
        (await Typing("").WithProgressAsync("Listing", p => { p.Report(3); return Task.FromResult(7); })).ShouldBe(7);
        _screen.ToString().ShouldBeEmpty();
    }
}
