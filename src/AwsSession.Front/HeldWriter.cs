using System.Text;

namespace AwsSession.Front;

/// <summary>
/// stderr held back until the run is known to be served here: released (written, then passed through) once it is,
/// discarded when the run is handed off. A flush releases too: plain exec flushes just before it becomes the command.
/// </summary>
public sealed class HeldWriter(TextWriter inner) : TextWriter
{
    private StringBuilder? _held = new(2048); // a run's exports in one piece

    public override Encoding Encoding => inner.Encoding;

    public bool Released => _held is null;

    public override void Write(char value)
    {
        if (_held is { } held)
            held.Append(value);
        else
            inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (_held is { } held)
            held.Append(value);
        else
            inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_held is { } held)
            held.Append(buffer);
        else
            inner.Write(buffer);
    }

    public void Release()
    {
        if (_held is not { } held)
            return;
        _held = null;
        if (held.Length > 0)
            inner.Write(held.ToString());
    }

    /// <summary>Drops what was held; later writes pass through (the hand-off's own failure must be seen).</summary>
    public void Discard() => _held = null;

    public override void Flush()
    {
        Release();
        inner.Flush();
    }
}
