using AwsSession.Prompts;
using AwsSession.Prompts.Picker;

namespace AwsSession.Tests.Unit.Prompts;

public sealed class TtyKeysTests
{
    /// <summary>Each char is a byte; '|' is a pause longer than a sequence's gap. Past the end: nothing in time, or
    /// the end of input for an unbounded wait.</summary>
    internal static Func<TimeSpan?, int?> Bytes(string script)
    {
        var i = 0;
        return wait =>
        {
            while (i < script.Length && script[i] == '|')
            {
                if (wait is not null)
                {
                    i++;
                    return null;
                }
                i++;
            }
            return i < script.Length ? script[i++] : wait is null ? -1 : null;
        };
    }

    private static PickerInput Key(string script) => PickerInput.From(TtyKeys.Read(Bytes(script)) ?? throw new InvalidOperationException("end of input"));

    [Theory]
    [InlineData("\e[A", PickerKey.Up)]
    [InlineData("\eOA", PickerKey.Up)]
    [InlineData("\e[1;5A", PickerKey.Up)]
    [InlineData("\e[B", PickerKey.Down)]
    [InlineData("\e[5~", PickerKey.PageUp)]
    [InlineData("\e[6~", PickerKey.PageDown)]
    [InlineData("\e[H", PickerKey.Home)]
    [InlineData("\e[1~", PickerKey.Home)]
    [InlineData("\e[F", PickerKey.End)]
    [InlineData("\e[4~", PickerKey.End)]
    [InlineData("\r", PickerKey.Enter)]
    [InlineData("\n", PickerKey.Enter)]
    [InlineData("\x7f", PickerKey.Backspace)]
    [InlineData("\b", PickerKey.Backspace)]
    [InlineData("\x03", PickerKey.Cancel)]
    [InlineData("\x04", PickerKey.Cancel)]
    [InlineData("\x0e", PickerKey.Down)]
    [InlineData("\x10", PickerKey.Up)]
    [InlineData("\e", PickerKey.Cancel)]
    [InlineData("\e|[A", PickerKey.Cancel)]
    public void A_terminals_bytes_are_the_keys_the_picker_knows(string bytes, PickerKey expected) => Key(bytes).Key.ShouldBe(expected);

    [Theory]
    [InlineData("\ex")]
    [InlineData("\e[2~")]
    [InlineData("\e[")]
    [InlineData("\e[99~")]
    [InlineData("\x01")]
    [InlineData("\t")]
    [InlineData("\xc3")]
    [InlineData("\xc3|\xa9")]
    [InlineData("\xff")]
    public void Alt_keys_unknown_sequences_control_keys_and_broken_text_are_ignored(string bytes) => Key(bytes).Key.ShouldBe(PickerKey.Ignored);

    [Theory]
    [InlineData("a", 'a')]
    [InlineData("7", '7')]
    [InlineData("-", '-')]
    [InlineData("\xc3\xa9", 'é')]
    [InlineData("\xe2\x82\xac", '€')]
    public void Text_is_read_as_typed_UTF_8_included(string bytes, char expected)
    {
        var key = Key(bytes);

        key.Key.ShouldBe(PickerKey.Character);
        key.Character.ShouldBe(expected);
    }

    [Fact]
    public void The_end_of_input_is_null()
    {
        TtyKeys.Read(Bytes("")).ShouldBeNull();
    }

    [Fact]
    public void One_sequence_is_read_whole_and_the_next_key_follows()
    {
        var next = Bytes("\e[Bx\r");

        PickerInput.From(TtyKeys.Read(next)!.Value).Key.ShouldBe(PickerKey.Down);
        PickerInput.From(TtyKeys.Read(next)!.Value).Character.ShouldBe('x');
        PickerInput.From(TtyKeys.Read(next)!.Value).Key.ShouldBe(PickerKey.Enter);
    }
}
