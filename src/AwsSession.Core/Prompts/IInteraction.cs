namespace AwsSession.Prompts;

/// <summary>
/// A person at a terminal, if there is one. Every prompt goes to stderr or /dev/tty, never stdout: stdout belongs
/// to eval. Implementations must throw <see cref="Domain.AwsSessionException"/> when no terminal is available.
/// </summary>
public interface IInteraction
{
    bool CanPrompt { get; }

    /// <summary>
    /// Asks for a 6-digit code; re-asks on malformed or empty input (saying why) without counting it as a try.
    /// Ctrl-D cancels: <see cref="OperationCanceledException"/>.
    /// </summary>
    string AskMfaCode(string device, int attempt);

    /// <summary>
    /// A filtering picker over the items in the given order (the first is preselected), each shown as aligned columns.
    /// Cancelling throws <see cref="OperationCanceledException"/>.
    /// </summary>
    T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull;

    /// <summary>Runs work with a live count on the terminal (a status line); silently when there is no terminal.</summary>
    Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work);
}
