using System.ComponentModel;
using System.Diagnostics;
using AwsSession.Config;
using AwsSession.Platform;

namespace AwsSession.Sso;

/// <summary>Opens the sign-in page; faked in unit tests.</summary>
public interface IBrowserLauncher
{
    /// <summary>False when no browser can be opened here (no display, an SSH session without BROWSER): use a device code.</summary>
    bool CanOpen { get; }

    /// <summary>Opens the URL; false (never an exception) when that failed, since the URL is printed as well.</summary>
    bool TryOpen(Uri url);
}

/// <summary>
/// BROWSER (a command, run through /bin/sh with the URL as its argument), else the platform's opener (xdg-open, open). On Linux
/// without BROWSER a browser needs a display; over SSH the desktop is not the person's, so the device code is used.
/// </summary>
public sealed class BrowserLauncher(EnvironmentVariables env) : IBrowserLauncher
{
    public bool CanOpen =>
        env.Get("BROWSER") is not null
        || OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() && env.Get("SSH_CONNECTION") is null
        || (env.Get("DISPLAY") ?? env.Get("WAYLAND_DISPLAY")) is not null && env.Get("SSH_CONNECTION") is null;

    public bool TryOpen(Uri url)
    {
        var browser = env.Get("BROWSER") ?? (OperatingSystem.IsWindows() ? null : Browser.OpenerName);
        if (browser is null)
        {
            try
            {
                Browser.Open(url);
                return true;
            }
            catch (Domain.AwsSessionException)
            {
                return false;
            }
        }
        try
        {
            // The URL is an argument, never part of the shell text; the browser's output goes to stderr, since stdout
            // may be read by eval. It is not waited for: a browser may stay open.
            using var p = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", browser + " \"$1\" >&2 </dev/null", "aws-session", url.AbsoluteUri]) { UseShellExecute = false });
            return p is not null;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }
}
