using System.Diagnostics;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// A private X display (Xvfb, no window manager) for the dialog prompts, driven with xdotool as a person would:
/// wait for the window by its title, focus it, type. Xvfb picks a free display number itself (-displayfd). A missing
/// Xvfb or xdotool fails the test with what to install; it never skips.
/// </summary>
public sealed class XvfbDisplay : IAsyncDisposable
{
    private readonly Process _xvfb;

    private XvfbDisplay(Process xvfb, string display)
    {
        _xvfb = xvfb;
        Display = display;
    }

    /// <summary>The value for DISPLAY, e.g. ":3".</summary>
    public string Display { get; }

    public static async Task<XvfbDisplay> StartAsync()
    {
        var psi = new ProcessStartInfo("Xvfb") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "1024x768x24" })
            psi.ArgumentList.Add(a);
        Process xvfb;
        try
        {
            xvfb = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Xvfb is not installed; the dialog tests need it (Debian: apt-get install xvfb xdotool zenity)", e);
        }
        _ = xvfb.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await xvfb.StandardOutput.ReadLineAsync(cts.Token);
        if (!int.TryParse(line, out var number))
        {
            xvfb.Kill();
            throw new InvalidOperationException($"Xvfb did not say which display it opened (got '{line}')");
        }
        return new XvfbDisplay(xvfb, ":" + number);
    }

    /// <summary>
    /// Waits for a visible window whose title matches <paramref name="title"/> (a POSIX regular expression, e.g. "^aws-session$"), focuses it, and returns the pid of
    /// the program that shows it. <paramref name="notPid"/> skips the dialog that is closing: X reuses window ids, so a
    /// new dialog is told apart by its process. When <paramref name="run"/>, the run expected to show it, ends first,
    /// the wait fails at once with that run's output: a failure then says why no window came.
    /// </summary>
    public async Task<int> WaitForWindowAsync(string title, Task<ProcessResult> run, int? notPid = null, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (true)
        {
            var r = await XdotoolAsync(["search", "--onlyvisible", "--name", title], check: false);
            foreach (var id in r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pid = await XdotoolAsync(["getwindowpid", id], check: false);
                if (!int.TryParse(pid.Stdout.Trim(), out var p) || p == notPid)
                    continue;
                // No window manager: the keyboard goes to the focused window, so focus it as a click would.
                await XdotoolAsync(["windowfocus", "--sync", id]);
                return p;
            }
            if (run.IsCompleted)
                throw new InvalidOperationException($"the run ended before a window titled '{title}' appeared on {Display}: {await run}");
            if (watch.Elapsed > limit)
                throw new TimeoutException($"no window titled '{title}'{(notPid is null ? "" : $" other than process {notPid}'s")} appeared on {Display} within {limit}; the run is still going");
            await Task.Delay(100);
        }
    }

    public Task TypeAsync(string text) => XdotoolAsync(["type", "--delay", "20", text]);

    /// <summary>xdotool key names: "Return", "Escape".</summary>
    public Task KeyAsync(string key) => XdotoolAsync(["key", key]);

    private async Task<ProcessResult> XdotoolAsync(string[] args, bool check = true)
    {
        var env = ProcessRunner.CleanEnvironment();
        env["DISPLAY"] = Display;
        var r = await ProcessRunner.RunAsync("xdotool", args, env, timeout: TimeSpan.FromSeconds(10));
        return r.ExitCode == 0 || !check ? r : throw new InvalidOperationException($"xdotool {string.Join(' ', args)} failed: {r}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _xvfb.Kill(entireProcessTree: true);
            await _xvfb.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
        }
        _xvfb.Dispose();
    }
}
