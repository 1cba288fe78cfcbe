using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>Records every line instead of writing to stderr.</summary>
public sealed class RecordingStatus : IStatus
{
    public List<string> Lines { get; } = [];

    public IReadOnlyList<string> Notes => Of("note: ");

    public IReadOnlyList<string> Warnings => Of("warn: ");

    public void Note(string message) => Lines.Add("note: " + message);

    public void Warn(string message) => Lines.Add("warn: " + message);

    public void Debug(string message) => Lines.Add("debug: " + message);

    private List<string> Of(string prefix) => Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
}
