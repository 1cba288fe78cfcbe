using System.Runtime.CompilerServices;

namespace AwsSession.Logging;

/// <summary>
/// An interpolated <see cref="IStatus.Debug(ref DebugText)"/> message: its parts are formatted only when the run shows
/// debug lines. Without --debug a cache hit formatted several of them (a date among them) only to drop them.
/// </summary>
[InterpolatedStringHandler]
public ref struct DebugText
{
    private DefaultInterpolatedStringHandler _text;

    public DebugText(int literalLength, int formattedCount, IStatus status, out bool enabled)
    {
        Enabled = enabled = status.Debugging;
        _text = enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public bool Enabled { get; }

    public void AppendLiteral(string value) => _text.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    public string ToStringAndClear() => _text.ToStringAndClear();
}
