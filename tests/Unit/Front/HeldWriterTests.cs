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
}
