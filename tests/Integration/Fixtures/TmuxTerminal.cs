using System.Diagnostics;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// A real terminal: a command in a detached tmux session on a private socket (-L), with the given environment.
/// Type with <see cref="SendKeysAsync"/> / <see cref="TypeAsync"/>, read the screen with <see cref="WaitForTextAsync"/>.
/// The pane stays after the command ends (remain-on-exit), so its last screen can be read.
/// The exit status never comes from tmux: 3.3a sometimes marks a pane dead without recording its status (empty
/// #{pane_dead_status}). The pane runs a bash script instead that runs the command (not exec'd) and then writes
/// $? to a file. That bash traps SIGINT, so a ^C typed at the command cannot kill it before it records the
/// status (a trapped signal is reset to the default in its children, so the command still gets the ^C).
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    private const string Target = "t:0.0";
    private readonly string _socket = "aws-session-test-" + Guid.NewGuid().ToString("N")[..12];
    private readonly IReadOnlyDictionary<string, string> _env;
    private readonly string _config;
    private readonly string _status;
    private readonly string _script;

    private TmuxTerminal(IReadOnlyDictionary<string, string> env)
    {
        _env = env;
        _config = Path.Combine(Path.GetTempPath(), _socket + ".conf");
        _status = Path.Combine(Path.GetTempPath(), _socket + ".status");
        _script = Path.Combine(Path.GetTempPath(), _socket + ".sh");
        File.WriteAllText(_config, "set -g remain-on-exit on\nset -g history-limit 5000\nset -g status off\n");
    }

    /// <summary>Starts `command` (a bash command line) in a width x height terminal, in HOME unless told otherwise.</summary>
    /// <param name="keepAlive">The pane stays alive after the command (until disposal): tmux 3.3a sometimes reports a
    /// dead pane's cursor as hidden although the command showed it, so <see cref="CursorVisibleAsync"/> needs this.</param>
    public static async Task<TmuxTerminal> StartAsync(string command, IReadOnlyDictionary<string, string> env, int width = 160, int height = 40,
        string? workingDirectory = null, bool keepAlive = false)
    {
        var cwd = workingDirectory ?? env.GetValueOrDefault("HOME") ?? Path.GetTempPath();
        var t = new TmuxTerminal(env);
        await File.WriteAllTextAsync(t._script, $"""
            trap : INT QUIT
            {command}
            printf '%s' "$?" > '{t._status}.tmp' && mv '{t._status}.tmp' '{t._status}'
            {(keepAlive ? "exec sleep 3600" : "")}

            """);
        var env2 = new Dictionary<string, string>(env) { ["TERM"] = "xterm-256color" };
        env2.Remove("TMUX");
        // Several words after new-session: tmux runs them directly, not through its default-shell.
        var r = await ProcessRunner.RunAsync("tmux",
            ["-L", t._socket, "-f", t._config, "new-session", "-d", "-s", "t", "-c", cwd, "-x", width.ToString(), "-y", height.ToString(),
                "bash", "--norc", "--noprofile", t._script],
            env2, timeout: TimeSpan.FromSeconds(10), workingDirectory: cwd);
        if (r.ExitCode != 0)
            throw new InvalidOperationException($"tmux could not start (is tmux installed?): {r}");
        return t;
    }

    /// <summary>tmux key names: "Enter", "C-c", "Down", or literal words.</summary>
    public Task SendKeysAsync(params string[] keys) => TmuxAsync(["send-keys", "-t", Target, .. keys]);

    /// <summary>Types text literally (no key-name interpretation).</summary>
    public Task TypeAsync(string text) => TmuxAsync(["send-keys", "-t", Target, "-l", text]);

    public async Task<string> ScreenAsync() => (await TmuxAsync(["capture-pane", "-p", "-J", "-S", "-200", "-t", Target])).Stdout;

    /// <summary>Whether the terminal shows its cursor (a program that hid it and died leaves it hidden).</summary>
    public async Task<bool> CursorVisibleAsync() => (await TmuxAsync(["display", "-p", "-t", Target, "#{cursor_flag}"])).Stdout.Trim() == "1";

    /// <summary>The process id of the command (the child of the pane's bash), to signal it from outside the terminal.</summary>
    public async Task<int> CommandPidAsync()
    {
        var pane = (await TmuxAsync(["display", "-p", "-t", Target, "#{pane_pid}"])).Stdout.Trim();
        var r = await ProcessRunner.RunAsync("pgrep", ["-P", pane], _env, timeout: TimeSpan.FromSeconds(10));
        return int.Parse(r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    public Task<string> WaitForTextAsync(string text, TimeSpan? timeout = null) => WaitForTextAsync(text, 1, timeout);

    /// <summary>Waits until the screen (with scrollback) shows text at least `count` times, e.g. the 3rd prompt.</summary>
    public async Task<string> WaitForTextAsync(string text, int count, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        string screen;
        do
        {
            screen = await ScreenAsync();
            if (Occurrences(screen, text) >= count)
                return screen;
            await Task.Delay(100);
        }
        while (watch.Elapsed < limit);
        throw new TimeoutException($"'{text}' did not appear {count} time(s) on the terminal within {limit}; the screen:\n{screen}");
    }

    private static int Occurrences(string screen, string text)
    {
        var n = 0;
        for (var i = screen.IndexOf(text, StringComparison.Ordinal); i >= 0; i = screen.IndexOf(text, i + text.Length, StringComparison.Ordinal))
            n++;
        return n;
    }

    /// <summary>Waits for the command to end and returns its exit status (128+N if it died of signal N).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        while (watch.Elapsed < limit)
        {
            if (File.Exists(_status) && int.TryParse(await File.ReadAllTextAsync(_status), out var status))
                return status;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the command in tmux did not end within {limit}; the screen:\n{await ScreenAsync()}");
    }

    private async Task<ProcessResult> TmuxAsync(string[] args)
    {
        var r = await ProcessRunner.RunAsync("tmux", ["-L", _socket, .. args], _env, timeout: TimeSpan.FromSeconds(10));
        return r.ExitCode == 0 ? r : throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {r}");
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("tmux", ["-L", _socket, "kill-server"], _env, timeout: TimeSpan.FromSeconds(10));
        File.Delete(_config);
        File.Delete(_status);
        File.Delete(_script);
    }
}
