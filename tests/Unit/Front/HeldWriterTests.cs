using AwsSession.Front;

namespace AwsSession.Tests.Unit.Front;

public sealed class HeldWriterTests
{
    private readonly StringWriter _inner = new();

    [Fact]
    public void Holds_everything_until_released_then_writes_it_in_order_and_passes_the_rest_through()
    {
        var held = new HeldWriter(_inner);
        held.Write('a');
        held.Write("bc");
        held.Write("xdex".ToCharArray(), 1, 2);
        held.WriteLine("f");

        _inner.ToString().ShouldBeEmpty();
        held.Release();
        held.Write("g");

        _inner.ToString().ShouldBe("abcdef" + Environment.NewLine + "g");
        held.Released.ShouldBeTrue();
    }

    [Fact]
    public void Discarding_drops_what_was_held_and_lets_later_writes_through()
    {
        var held = new HeldWriter(_inner);
        held.Write("from the front");

        held.Discard();
        held.Write("the hand-off's own failure");

        _inner.ToString().ShouldBe("the hand-off's own failure");
    }

    [Fact]
    public void A_flush_releases_because_exec_flushes_just_before_it_becomes_the_command()
    {
        var held = new HeldWriter(_inner);
        held.Write("Using cached MFA session");

        held.Flush();

        _inner.ToString().ShouldBe("Using cached MFA session");
        held.Released.ShouldBeTrue();
    }

    [Fact]
    public async Task Asynchronous_writes_and_flushes_are_done_before_the_call_returns_so_no_thread_pool_is_started()
    {
        var inner = new CallRecordingWriter();
        var held = new HeldWriter(inner);

        t_inCall = true;
        var write = held.WriteAsync("export A=1\n");
        var flush = held.FlushAsync(CancellationToken.None);
        var after = held.WriteAsync("after");
        var flushAgain = held.FlushAsync();
        t_inCall = false;
        await Task.WhenAll(write, flush, after, flushAgain);

        inner.Text.ShouldBe("export A=1\nafter");
        inner.WritesDuringTheCall.ShouldBe([true, true]);
    }

    // Set on the test's thread only while it is inside the calls: a write queued elsewhere, or run after them, sees false.
    [ThreadStatic]
    private static bool t_inCall;

    private sealed class CallRecordingWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();

        public List<bool> WritesDuringTheCall { get; } = [];

        public string Text => _text.ToString();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            lock (_text)
            {
                WritesDuringTheCall.Add(t_inCall);
                _text.Append(value);
            }
        }
    }
}
