using System.Runtime.InteropServices;
using System.Text;

namespace AwsSession.Front;

/// <summary>
/// stderr held back until the run is known to be served here: released (written, then passed through) once it is,
/// discarded when the run is handed off. A flush releases too: plain exec flushes just before it becomes the command.
/// </summary>
public sealed class HeldWriter(TextWriter inner) : TextWriter
{
    // The strings written, kept as they are: a run writes a few (its exports in one), so nothing is copied to hold them.
    private List<string>? _held = [];

    public override Encoding Encoding => inner.Encoding;

    public bool Released => _held is null;

    public override void Write(char value)
    {
        if (_held is { } held)
            held.Add(value.ToString());
        else
            inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (_held is { } held)
        {
            if (!string.IsNullOrEmpty(value))
                held.Add(value);
        }
        else
            inner.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (_held is { } held)
        {
            if (!buffer.IsEmpty)
                held.Add(buffer.ToString());
        }
        else
            inner.Write(buffer);
    }

    public void Release()
    {
        if (_held is not { } held)
            return;
        _held = null;
        // One write(2), as the complete tool makes for the same text: pieces of a line never interleave with another's.
        if (held.Count > 0)
            inner.Write(held.Count == 1 ? held[0] : string.Concat(CollectionsMarshal.AsSpan(held)));
    }

    /// <summary>Drops what was held; later writes pass through (the hand-off's own failure must be seen).</summary>
    public void Discard() => _held = null;

    public override void Flush()
    {
        Release();
        inner.Flush();
    }

    // Synchronous, as Console's writers are: TextWriter's defaults queue these on the thread pool, which a cache hit
    // would then start.
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }
}
