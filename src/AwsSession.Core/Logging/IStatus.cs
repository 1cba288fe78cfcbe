namespace AwsSession.Logging;

/// <summary>Human-facing lines on stderr (never stdout): notes, warnings, and the --debug trace.</summary>
public interface IStatus
{
    void Note(string message);

    void Warn(string message);

    void Debug(string message);
}
