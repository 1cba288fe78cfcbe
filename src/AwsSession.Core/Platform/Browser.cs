using System.ComponentModel;
using System.Diagnostics;
using AwsSession.Domain;

namespace AwsSession.Platform;

/// <summary>Opens a URL with the desktop's opener: xdg-open, open (macOS), or the shell on Windows.</summary>
public static class Browser
{
    public static string OpenerName =>
        OperatingSystem.IsWindows() ? "the Windows shell" : OperatingSystem.IsMacOS() ? "open" : "xdg-open";

    public static void Open(Uri url)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url.AbsoluteUri) { UseShellExecute = true }
            : new ProcessStartInfo(OpenerName, [url.AbsoluteUri]) { UseShellExecute = false };
        try
        {
            using var opener = Process.Start(start);
            // Openers hand off to the browser and return; one that keeps running (a terminal browser) is left alone.
            if (opener is not null && opener.WaitForExit(TimeSpan.FromSeconds(10)) && opener.ExitCode != 0)
                throw new AwsSessionException($"{OpenerName} could not open the sign-in URL (exit code {opener.ExitCode})", hint: "pass --print and open the URL yourself");
        }
        catch (Win32Exception e)
        {
            // e.Message names the working directory and more; the person needs only this.
            throw new AwsSessionException($"cannot open a browser: {OpenerName} " + (e.NativeErrorCode == 2 ? "is not installed or not on PATH" : $"could not be started (error {e.NativeErrorCode})"), hint: "pass --print and open the URL yourself");
        }
    }
}
