using AwsSession.Logging;

namespace AwsSession.Tests.Unit.Cache;

/// <summary>An IStatus that remembers what it was told, for asserting warnings.</summary>
internal sealed class RecordingStatus : IStatus
{
    public List<string> Notes { get; } = [];
    public List<string> Warnings { get; } = [];

    public void Note(string message) => Notes.Add(message);

    public void Warn(string message) => Warnings.Add(message);

    public void Debug(string message)
    {
    }
}
