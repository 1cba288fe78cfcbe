using System.Diagnostics;
using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Pose;

/// <summary>
/// A command in tmux whose exit status is written to a file by the shell. tmux 3.3a sometimes marks a pane dead
/// (pty EOF) without ever recording its exit status, so <see cref="TmuxTerminal.WaitForExitAsync"/> can time out
/// on a command that ended fine; these tests take the status from the shell instead.
/// </summary>
public sealed class TerminalRun : IAsyncDisposable
{
    private readonly string _statusFile;

    private TerminalRun(TmuxTerminal terminal, string statusFile)
    {
        Terminal = terminal;
        _statusFile = statusFile;
    }

    public TmuxTerminal Terminal { get; }

    public static async Task<TerminalRun> StartAsync(string command, AwsSessionProcess tool)
    {
        var statusFile = Path.Combine(tool.Home, $"status-{Guid.NewGuid():N}");
        var terminal = await TmuxTerminal.StartAsync($"{command}; echo $? > '{statusFile}'", tool.Environment);
        return new TerminalRun(terminal, statusFile);
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        while (watch.Elapsed < limit)
        {
            if (File.Exists(_statusFile) && (await File.ReadAllTextAsync(_statusFile)).Trim() is { Length: > 0 } status)
                return int.Parse(status);
            await Task.Delay(50);
        }
        throw new TimeoutException($"the command in tmux did not end within {limit}; the screen:\n{await Terminal.ScreenAsync()}");
    }

    public ValueTask DisposeAsync() => Terminal.DisposeAsync();
}
