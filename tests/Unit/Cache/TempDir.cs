namespace AwsSession.Tests.Unit.Cache;

/// <summary>A private temporary directory, removed afterwards (permissions restored first).</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Path = Directory.CreateTempSubdirectory("aws-session-unit-").FullName;

    public string Path { get; }

    public string Sub(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            // Tests make directories read-only; give them back so they can be removed.
            foreach (var d in Directory.EnumerateDirectories(Path, "*", SearchOption.AllDirectories).Prepend(Path))
                File.SetUnixFileMode(d, (UnixFileMode)0b111_000_000);
        }
        Directory.Delete(Path, recursive: true);
    }
}
