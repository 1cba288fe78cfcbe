namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// A real `pass` store initialised for a throw-away GPG key (no passphrase) generated here, in a GNUPGHOME and
/// PASSWORD_STORE_DIR of its own. Its gpg-agent is stopped at the end.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PassStoreHome : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("aws-session-pass-").FullName;

    public string GnuPgHome => Path.Combine(_root, "gnupg");

    public string StoreDir => Path.Combine(_root, "store");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["GNUPGHOME"] = GnuPgHome,
        ["PASSWORD_STORE_DIR"] = StoreDir,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(GnuPgHome, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = await RunAsync("gpg", "--batch", "--passphrase", "", "--quick-gen-key", "aws-session test <test@aws-session.invalid>", "default", "default", "never");
        if (key.ExitCode != 0)
            throw new InvalidOperationException("gpg could not make a test key: " + key);
        var init = await RunAsync("pass", "init", "test@aws-session.invalid");
        if (init.ExitCode != 0)
            throw new InvalidOperationException("pass init failed: " + init);
    }

    public Task<ProcessResult> RunAsync(string program, params string[] args)
    {
        var env = ProcessRunner.CleanEnvironment();
        foreach (var (k, v) in Environment)
            env[k] = v;
        return ProcessRunner.RunAsync(program, args, env, timeout: TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await RunAsync("gpgconf", "--kill", "gpg-agent");
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The agent's socket may linger a moment.
        }
    }
}
