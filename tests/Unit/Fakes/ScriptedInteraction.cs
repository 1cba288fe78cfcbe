using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>A terminal (or none) whose answers are scripted; it keeps the rows a picker showed and the progress runs.</summary>
public sealed class ScriptedInteraction(bool canPrompt, params string[] codes) : IInteraction
{
    private readonly Queue<string> _codes = new(codes);

    public bool CanPrompt => canPrompt;

    public int Asked { get; private set; }

    public int Picks { get; private set; }

    /// <summary>Which item index Pick answers with, unless <see cref="Choose"/> is set.</summary>
    public int PickIndex { get; init; }

    /// <summary>Chooses an index from every row shown so far (each row's columns joined by two spaces).</summary>
    public Func<IReadOnlyList<string>, int>? Choose { get; init; }

    public List<string> Shown { get; } = [];

    public int ProgressRuns { get; private set; }

    /// <summary>True while a live status line is on the terminal (no prompt can be shown then).</summary>
    public bool InProgress { get; private set; }

    public string AskMfaCode(string device, int attempt)
    {
        Asked++;
        return _codes.Dequeue();
    }

    public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
    {
        Picks++;
        Shown.AddRange(items.Select(i => string.Join("  ", columns(i))));
        return items[Choose?.Invoke(Shown) ?? PickIndex];
    }

    public async Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work)
    {
        ProgressRuns++;
        InProgress = true;
        try
        {
            return await work(new Progress<int>());
        }
        finally
        {
            InProgress = false;
        }
    }
}
