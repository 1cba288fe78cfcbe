namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// The front executable in a directory of its own, as installed: beside it, an aws-session-full that writes one line
/// per hand-off (its arguments) and then runs the real complete tool, or none at all.
/// </summary>
public sealed class FrontLayout : IDisposable
{
    private readonly string _dir;
    private readonly string _log;

    public FrontLayout(bool withCompleteTool = true)
    {
        _dir = Directory.CreateTempSubdirectory("aws-session-front-").FullName;
        _log = Path.Combine(_dir, "hand-offs.log");
        var (front, complete) = Repo.FrontAndCompleteTool();
        // A framework-dependent front needs its assemblies and runtimeconfig beside it; a native one is one file.
        var files = File.Exists(front + ".dll") ? Directory.GetFiles(Path.GetDirectoryName(front)!) : [front];
        foreach (var file in files)
            File.Copy(file, Path.Combine(_dir, Path.GetFileName(file)));
        Front = Path.Combine(_dir, Path.GetFileName(front));
        if (withCompleteTool)
        {
            var script = Path.Combine(_dir, "aws-session-full");
            // argv[0] as the front gives it, which the complete tool names itself after in --help.
            File.WriteAllText(script, $"#!/bin/bash\nprintf '%s\\n' \"$*\" >> '{_log}'\nexec -a aws-session '{complete}' \"$@\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>The front's path in this layout.</summary>
    public string Front { get; }

    /// <summary>The argument lines of every run handed to the complete tool so far.</summary>
    public IReadOnlyList<string> HandOffs => File.Exists(_log) ? File.ReadAllLines(_log) : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file.
        }
    }
}
