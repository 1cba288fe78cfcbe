using System.Reflection;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>Where things are: the repository root (found by walking up to AwsSession.sln) and the binary under test.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Configuration these tests were built in; the binary is taken from the same one.</summary>
    public static string Configuration { get; } =
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    /// <summary>AWS_SESSION_BIN (e.g. the Native AOT binary in CI), else the framework-dependent build of src/AwsSession.</summary>
    public static string Binary { get; } = FindBinary();

    /// <summary>
    /// The front executable and the complete tool it hands off to: with AWS_SESSION_BIN (a Native AOT publish), that
    /// binary and the aws-session-full beside it; else the framework-dependent builds of src/AwsSession.Front and src/AwsSession.
    /// </summary>
    public static (string Front, string CompleteTool) FrontAndCompleteTool()
    {
        var (front, complete) = Environment.GetEnvironmentVariable("AWS_SESSION_BIN") is { Length: > 0 }
            ? (Binary, Path.Combine(Path.GetDirectoryName(Binary)!, "aws-session-full"))
            : (Path.Combine(Root, "src", "AwsSession.Front", "bin", Configuration, "net10.0", "aws-session-front"), Binary);
        foreach (var path in new[] { front, complete })
        {
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path} not found: publish src/AwsSession (Native AOT), or build the solution in {Configuration}");
        }
        return (front, complete);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AwsSession.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"AwsSession.sln not found above {AppContext.BaseDirectory}");
    }

    private static string FindBinary()
    {
        var path = Environment.GetEnvironmentVariable("AWS_SESSION_BIN") is { Length: > 0 } bin
            ? Path.GetFullPath(bin)
            : Path.Combine(Root, "src", "AwsSession", "bin", Configuration, "net10.0", "aws-session");
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"aws-session binary not found at {path}: build src/AwsSession in {Configuration} (or set AWS_SESSION_BIN)");
    }
}
