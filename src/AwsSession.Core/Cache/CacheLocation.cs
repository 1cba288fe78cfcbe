using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>$XDG_CACHE_HOME/aws-session, else ~/.cache/aws-session; ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows.</summary>
public static class CacheLocation
{
    public static string Resolve(EnvironmentVariables env)
    {
        if (env.Get("AWS_SESSION_CACHE_DIR") is { } explicitDir)
        {
            // Relative, it would name a different directory in every working directory (and be made there).
            return Path.IsPathFullyQualified(explicitDir) ? explicitDir
                : throw new UsageException($"AWS_SESSION_CACHE_DIR must be an absolute path, not '{ErrorText.Printable(explicitDir)}'", "e.g. AWS_SESSION_CACHE_DIR=$HOME/.cache/aws-session");
        }
        if (env.Get("XDG_CACHE_HOME") is { } xdg && Path.IsPathRooted(xdg))
            return Path.Combine(xdg, "aws-session");
        if (OperatingSystem.IsWindows())
            return Path.Combine(env.Get("LOCALAPPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "aws-session", "cache");
        if (OperatingSystem.IsMacOS())
            return Path.Combine(env.Home, "Library", "Caches", "aws-session");
        return Path.Combine(env.Home, ".cache", "aws-session");
    }
}
