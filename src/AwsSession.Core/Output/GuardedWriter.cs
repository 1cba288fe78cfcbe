using System.Text;
using AwsSession.Domain;

namespace AwsSession.Output;

/// <summary>
/// A writer over stdout or stderr that decides what a failed write means. stderr only carries notices: when it is
/// closed (`2&gt;&amp;-`) or unwritable, they are dropped and the tool goes on (the exports still reach stdout, the
/// child still runs, the exit code stays the real one). stdout carries the data: when it is closed or full, the
/// run fails with one line naming stdout, instead of an unexpected IOException.
/// </summary>
public sealed class GuardedWriter : TextWriter
{
    private readonly TextWriter _inner;
    private readonly string? _failWith;
    private bool _broken;

    private GuardedWriter(TextWriter inner, string? failWith) => (_inner, _failWith) = (inner, failWith);

    /// <summary>Drops what cannot be written (stderr).</summary>
    public static TextWriter Quiet(TextWriter inner) => inner as GuardedWriter ?? new GuardedWriter(inner, null);

    /// <summary>Turns a failed write into one clear failure (stdout).</summary>
    public static TextWriter Failing(TextWriter inner, string name) => inner as GuardedWriter ?? new GuardedWriter(inner, name);

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => Guard(() => _inner.Write(value));

    public override void Write(string? value) => Guard(() => _inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => _inner.Write(buffer, index, count));

    public override void WriteLine(string? value) => Guard(() => _inner.WriteLine(value));

    public override void Flush() => Guard(_inner.Flush);

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flush();
        return Task.CompletedTask;
    }

    private void Guard(Action write)
    {
        if (_broken && _failWith is null)
            return;
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException or NotSupportedException)
        {
            _broken = true;
            if (_failWith is not null)
                throw new AwsSessionException($"cannot write to {_failWith}: {Reason(e)}", hint: "is it closed, full, or a file that cannot be written?");
        }
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException or NotSupportedException ? "it is not writable" : e.Message.TrimEnd('.', ' ');
}
