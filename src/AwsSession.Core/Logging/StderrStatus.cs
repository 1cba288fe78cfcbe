namespace AwsSession.Logging;

/// <summary>Plain "aws-session: ..." lines on stderr. No Spectre here: it is on every path, the hot one included.</summary>
public sealed class StderrStatus(TextWriter error, bool debug) : IStatus
{
    public void Note(string message) => error.WriteLine("aws-session: " + message);

    public void Warn(string message) => error.WriteLine("aws-session: warning: " + message);

    public bool Debugging => debug;

    public void Debug(string message)
    {
        if (debug)
            error.WriteLine("aws-session: debug: " + message);
    }
}
