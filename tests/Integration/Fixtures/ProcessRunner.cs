using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>The outcome of one finished process.</summary>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Duration)
{
    /// <summary>stderr's non-empty lines: failures must produce exactly one.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode} after {Duration.TotalMilliseconds:F0} ms\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs a process with exactly the environment given (nothing inherited), optional stdin and a hard timeout.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> env,
        string? stdin = null, TimeSpan? timeout = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repo.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in env)
            psi.Environment[k] = v;

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {file}: {e.Message} (is it installed and on PATH?)", e);
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            try
            {
                await process.StandardInput.WriteAsync(stdin);
            }
            catch (IOException)
            {
                // The process did not read its stdin; that is its business.
            }
        }
        process.StandardInput.Close();

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', psi.ArgumentList)} did not finish within {timeout ?? TimeSpan.FromSeconds(60)}\n--- stdout\n{await stdout}\n--- stderr\n{await stderr}");
        }
        return new ProcessResult(process.ExitCode, await stdout, await stderr, watch.Elapsed);
    }

    /// <summary>
    /// The current environment without any AWS_* variable, so the machine's settings never leak into a test, and
    /// without a display: a run with no terminal would otherwise open its MFA dialog on the developer's desktop.
    /// </summary>
    public static Dictionary<string, string> CleanEnvironment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            var key = (string)e.Key;
            if (!key.StartsWith("AWS_", StringComparison.Ordinal) && key is not ("SHELL" or "TMUX" or "TMUX_PANE" or "DISPLAY" or "WAYLAND_DISPLAY"))
                env[key] = (string?)e.Value ?? "";
        }
        return env;
    }
}
