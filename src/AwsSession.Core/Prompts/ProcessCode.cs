using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using AwsSession.Config;
using AwsSession.Domain;
using CliWrap;

namespace AwsSession.Prompts;

/// <summary>
/// mfa_process / --mfa-process: a command that prints the code (e.g. a password manager's TOTP). Bounded, because it
/// runs while this aws-session holds the cache lock that every parallel run waits on: it gets
/// <see cref="DefaultTimeout"/> (AWS_SESSION_MFA_PROCESS_TIMEOUT changes it), at most <see cref="MaxOutput"/> bytes
/// of output are read, and its process tree is killed on timeout, on SIGTERM/SIGHUP to aws-session and on exit.
/// An aws-session started inside it fails at once (<see cref="ChildEnvironmentNames.InMfaProcess"/>) instead of
/// waiting for the lock its parent holds. The code itself is never echoed in errors.
/// </summary>
public sealed class ProcessCode(string command, EnvironmentVariables env, string? credentialProcessProfile = null) : IMfaCodeSource
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    public const string TimeoutVariable = "AWS_SESSION_MFA_PROCESS_TIMEOUT";

    /// <summary>A code is 6 digits; a few hundred bytes leave room for a trailing newline or a banner, not for `yes`.</summary>
    public const int MaxOutput = 256;

    public bool CanRetry => false;

    public TimeSpan Timeout => env.Get(TimeoutVariable) is { } t ? Durations.Parse(t, TimeoutVariable) : DefaultTimeout;

    public async ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        var limit = Timeout;
        var (shell, flag) = OperatingSystem.IsWindows() ? ("cmd.exe", "/c") : ("/bin/sh", "-c");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(limit);
        var stdout = new BoundedText(MaxOutput, stop.Cancel);
        var stderr = new BoundedText(4096, null);
        CommandTask<CommandResult> task;
        try
        {
            task = Cli.Wrap(shell).WithArguments([flag, command])
                .WithEnvironmentVariables(e =>
                {
                    e.Set("AWS_SESSION_MFA_DEVICE", device.SerialNumber).Set(ChildEnvironmentNames.InMfaProcess, device.SerialNumber);
                    // The credential-process nesting guard (ConfigResolver) must see it inside mfa_process too.
                    if (credentialProcessProfile is not null)
                        e.Set(ChildEnvironmentNames.CredentialProcess, credentialProcessProfile);
                })
                .WithWorkingDirectory(env.Home)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.Create(stdout.ReadAsync))
                .WithStandardErrorPipe(PipeTarget.Create(stderr.ReadAsync))
                .ExecuteAsync(stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new AwsSessionException($"mfa_process could not be started ({ErrorText.Unexpected(e)})", hint: "check that /bin/sh and the command exist");
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
            throw stdout.Overflowed ? TooMuch() : new AwsSessionException($"mfa_process did not print a code within {Durations.Format(limit)}; it was stopped",
                hint: $"set {TimeoutVariable} (e.g. 2m) for a slower one");
        }
        if (stdout.Overflowed)
            throw TooMuch();
        if (result.ExitCode != 0)
            throw new AwsSessionException($"mfa_process exited with code {result.ExitCode}", hint: FirstLine(stderr.Text));
        var code = stdout.Text.Trim();
        return code.Length == 6 && code.All(char.IsAsciiDigit)
            ? code
            : throw new AwsSessionException("mfa_process did not print a 6-digit code", hint: "it must print only the code on stdout");
    }

    /// <summary>Fails when aws-session runs inside an mfa_process: it would wait for the lock its parent holds.</summary>
    public static void GuardRecursion(EnvironmentVariables env)
    {
        if (env.Get(ChildEnvironmentNames.InMfaProcess) is { } device)
            throw new AwsSessionException($"aws-session was started by the mfa_process for {ErrorText.Printable(device)}, and would wait for itself",
                hint: "mfa_process must print the code without calling aws-session");
    }

    private static AwsSessionException TooMuch() =>
        new($"mfa_process printed more than {MaxOutput} bytes; it was stopped", hint: "it must print only the code on stdout");

    private static string? FirstLine(string s) =>
        s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } line ? ErrorText.Outside(line) : null;

    /// <summary>Reads at most <c>cap</c> bytes, then calls <c>overflow</c> (which stops the process) and discards the rest.</summary>
    private sealed class BoundedText(int cap, Action? overflow)
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
