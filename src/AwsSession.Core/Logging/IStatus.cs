using System.Runtime.CompilerServices;

namespace AwsSession.Logging;

/// <summary>Human-facing lines on stderr (never stdout): notes, warnings, and the --debug trace.</summary>
public interface IStatus
{
    void Note(string message);

    void Warn(string message);

    void Debug(string message);

    /// <summary>An interpolated debug line, formatted only when <see cref="Debugging"/>.</summary>
    void Debug([InterpolatedStringHandlerArgument("")] ref DebugText message)
    {
        if (message.Enabled)
            Debug(message.ToStringAndClear());
    }

    /// <summary>Whether <see cref="Debug"/> shows anything: a costly message (a plan's description) is built only then.</summary>
    bool Debugging => true;
}
