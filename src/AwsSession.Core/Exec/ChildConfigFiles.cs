using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Platform;

namespace AwsSession.Exec;

/// <summary>
/// The AWS files the child of `exec --server` sees: a credential-free copy of the config file (see
/// <see cref="CredentialFreeConfig"/>) in a private directory (0700, the file 0600) that is removed when the child
/// ends, and no credentials file at all. With them, the only credentials the child can find are the server's.
/// </summary>
public sealed class ChildConfigFiles : IDisposable
{
    private readonly string _directory;

    private ChildConfigFiles(string directory, string configPath) => (_directory, ConfigPath) = (directory, configPath);

    /// <summary>The copy the child reads instead of the user's config file.</summary>
    public string ConfigPath { get; }

    public IReadOnlyList<KeyValuePair<string, string>> ChildVariables =>
    [
        new(ChildEnvironmentNames.ConfigFile, ConfigPath),
        new(ChildEnvironmentNames.SharedCredentialsFile, OperatingSystem.IsWindows() ? "NUL" : "/dev/null"),
    ];

    /// <param name="userConfig">The config file aws-session reads (AWS_CONFIG_FILE or ~/.aws/config).</param>
    public static ChildConfigFiles Create(string userConfig, IStatus status)
    {
        var text = "";
        try
        {
            if (File.Exists(userConfig))
                text = File.ReadAllText(userConfig);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            status.Warn($"cannot read {userConfig} ({e.GetType().Name}); the command gets no config settings");
        }

        // mkdtemp: a new directory, mode 0700, that no other user can have prepared or can enter.
        var directory = Directory.CreateTempSubdirectory("aws-session-").FullName;
        var path = Path.Combine(directory, "config");
        using (var writer = new StreamWriter(PrivateFiles.CreateNew(path)))
            writer.Write(CredentialFreeConfig.Filter(text));
        return new ChildConfigFiles(directory, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The child may have changed it; the copy holds no credentials, so the OS's temp cleanup may have it.
        }
    }
}
