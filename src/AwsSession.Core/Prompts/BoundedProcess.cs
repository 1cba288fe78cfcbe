using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using AwsSession.Config;
using AwsSession.Domain;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>What a bounded program left: its exit code, its (capped) stdout and the start of its stderr.</summary>
public sealed record BoundedResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// The line of its stderr most likely to say why it failed: the last that names an error (ykman without pcscd
    /// warns before its "Error: No YubiKey detected!", and a Python traceback ends with its exception), else the first
    /// that is not a warning, else the first.
    /// </summary>
    public string? StderrReason
    {
        get
        {
            var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = lines.LastOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                ?? lines.FirstOrDefault(l => !l.StartsWith("warning", StringComparison.OrdinalIgnoreCase))
                ?? lines.FirstOrDefault();
            return line is null ? null : ErrorText.Outside(line);
        }
    }
}

/// <summary>
/// Runs a program that gives an MFA code (mfa_process, a dialog, ykman) with the bounds every such program gets,
/// because it runs while this aws-session holds the cache lock that every parallel run waits on: a timeout
/// (<see cref="DefaultTimeout"/>, AWS_SESSION_MFA_PROCESS_TIMEOUT changes it), at most <see cref="MaxOutput"/> bytes of
/// stdout, and its process tree killed on timeout, on SIGTERM/SIGHUP to aws-session and on exit. What it printed is
/// never put in an error: it may be the code.
/// </summary>
public static class BoundedProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const string TimeoutVariable = "AWS_SESSION_MFA_PROCESS_TIMEOUT";

    /// <summary>A code is 6 digits; a few hundred bytes leave room for a trailing newline or a banner, not for `yes`.</summary>
    public const int MaxOutput = 256;

    public static TimeSpan Timeout(EnvironmentVariables env) =>
        env.Get(TimeoutVariable) is { } t ? Durations.Parse(t, TimeoutVariable) : DefaultTimeout;

    /// <param name="name">How errors name the program ("mfa_process", "zenity").</param>
    /// <param name="stderrSeen">Called with each piece of stderr as it arrives (ykman's "Touch your YubiKey").</param>
    public static async Task<BoundedResult> RunAsync(Command command, string name, EnvironmentVariables env, CancellationToken ct, Action<string>? stderrSeen = null)
    {
        var limit = Timeout(env);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(limit);
        var stdout = new BoundedText(MaxOutput, stop.Cancel, null);
        var stderr = new BoundedText(4096, null, stderrSeen);
        CommandTask<CommandResult> task;
        try
        {
            task = command
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.Create(stdout.ReadAsync))
                .WithStandardErrorPipe(PipeTarget.Create(stderr.ReadAsync))
                .ExecuteAsync(stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AwsSessionException($"{name} could not be started ({ErrorText.Unexpected(e)})", hint: $"check that {command.TargetFilePath} exists");
        }

        using var guard = new TreeGuard(task.ProcessId);
        using var onStop = stop.Token.Register(guard.Kill);
        CommandResult result;
        try
        {
            result = await task;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw stdout.Overflowed ? TooMuch(name) : new AwsSessionException($"{name} did not give a code within {Durations.Format(limit)}; it was stopped",
                hint: $"set {TimeoutVariable} (e.g. 2m) for a slower one");
        }
        if (stdout.Overflowed)
            throw TooMuch(name);
        return new BoundedResult(result.ExitCode, stdout.Text, stderr.Text);
    }

    private static AwsSessionException TooMuch(string name) =>
        new($"{name} printed more than {MaxOutput} bytes; it was stopped", hint: "it must print only the code on stdout");

    /// <summary>Reads at most <c>cap</c> bytes, then calls <c>overflow</c> (which stops the process) and discards the rest.</summary>
    private sealed class BoundedText(int cap, Action? overflow, Action<string>? seen)
    {
        private readonly MemoryStream _bytes = new();

        public bool Overflowed { get; private set; }

        public string Text => Encoding.UTF8.GetString(_bytes.GetBuffer(), 0, (int)_bytes.Length);

        public async Task ReadAsync(Stream stream, CancellationToken ct)
        {
            var buffer = new byte[1024];
            int n;
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                var room = cap - (int)_bytes.Length;
                _bytes.Write(buffer, 0, Math.Min(n, Math.Max(room, 0)));
                seen?.Invoke(Encoding.UTF8.GetString(buffer, 0, n));
                if (n > room && !Overflowed)
                {
                    Overflowed = true;
                    overflow?.Invoke();
                }
            }
        }
    }

    /// <summary>Kills the process and everything it started when stopped, and when aws-session is ended by SIGTERM or SIGHUP, or exits.</summary>
    private sealed class TreeGuard : IDisposable
    {
        private readonly int _pid;
        private readonly List<PosixSignalRegistration> _signals = [];

        public TreeGuard(int pid)
        {
            _pid = pid;
            AppDomain.CurrentDomain.ProcessExit += OnExit;
            foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            {
                try
                {
                    // Not cancelled: the default action (ending aws-session) follows, with the child gone first.
                    _signals.Add(PosixSignalRegistration.Create(signal, _ => Kill()));
                }
                catch (PlatformNotSupportedException)
                {
                }
            }
        }

        public void Kill()
        {
            try
            {
                using var process = Process.GetProcessById(_pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // Already gone.
            }
        }

        public void Dispose()
        {
            AppDomain.CurrentDomain.ProcessExit -= OnExit;
            foreach (var s in _signals)
                s.Dispose();
        }

        private void OnExit(object? sender, EventArgs e) => Kill();
    }
}
