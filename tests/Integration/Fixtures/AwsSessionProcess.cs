namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// Runs the built aws-session the way a person would, in a controlled world: a fresh HOME and XDG_CACHE_HOME per
/// instance, AWS_ENDPOINT_URL at moto (or a FaultProxy), AWS_REGION, alice's keys from the seed, and no AWS_*
/// variable inherited from the machine. A bin dir with an `aws-session` link is first on PATH for shell scripts.
/// </summary>
public sealed class AwsSessionProcess : IDisposable
{
    private readonly string _root;
    private readonly string _binary;

    /// <param name="binary">The executable to run; by default the one under test (<see cref="Repo.Binary"/>).</param>
    public AwsSessionProcess(string endpoint, SeedData? seed, string region = "us-east-1", string? binary = null)
    {
        _binary = binary ?? Repo.Binary;
        _root = Directory.CreateTempSubdirectory("aws-session-test-").FullName;
        Home = Directory.CreateDirectory(Path.Combine(_root, "home")).FullName;
        CacheHome = Directory.CreateDirectory(Path.Combine(_root, "cache")).FullName;
        BinDir = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        File.CreateSymbolicLink(Path.Combine(BinDir, "aws-session"), _binary);

        Environment = ProcessRunner.CleanEnvironment();
        Environment["HOME"] = Home;
        Environment["XDG_CACHE_HOME"] = CacheHome;
        Environment["PATH"] = BinDir + ":" + Environment.GetValueOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        Environment["AWS_ENDPOINT_URL"] = endpoint;
        Environment["AWS_REGION"] = region;
        // Keep the aws CLI from reading the machine's files or asking IMDS.
        Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        if (seed is not null)
        {
            Environment["AWS_ACCESS_KEY_ID"] = seed.AccessKeyId;
            Environment["AWS_SECRET_ACCESS_KEY"] = seed.SecretAccessKey;
        }
    }

    /// <summary>The environment every run gets; change it freely (null-free: use <see cref="Unset"/>).</summary>
    public Dictionary<string, string> Environment { get; }

    public string Home { get; }

    public string CacheHome { get; }

    public string BinDir { get; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public AwsSessionProcess Set(string name, string value)
    {
        Environment[name] = value;
        return this;
    }

    public AwsSessionProcess Unset(params string[] names)
    {
        foreach (var n in names)
            Environment.Remove(n);
        return this;
    }

    /// <summary>Writes ~/.aws/config (and optionally ~/.aws/credentials) in the test's HOME.</summary>
    public void WriteAwsFiles(string? config, string? credentials = null)
    {
        var dir = Directory.CreateDirectory(Path.Combine(Home, ".aws")).FullName;
        if (config is not null)
            File.WriteAllText(Path.Combine(dir, "config"), config);
        if (credentials is not null)
            File.WriteAllText(Path.Combine(dir, "credentials"), credentials);
    }

    public Task<ProcessResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public Task<ProcessResult> RunAsync(IEnumerable<string> args, string? stdin, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(_binary, args, Environment, stdin, timeout ?? Timeout, Home);

    /// <summary>Runs a script with `bash -c` (or another shell) in the same environment, e.g. `eval "$(aws-session -t 123456)" &amp;&amp; aws sts get-caller-identity`.</summary>
    public Task<ProcessResult> ShellAsync(string script, string shell = "bash", string? stdin = null, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync(shell, ["-c", script], Environment, stdin, timeout ?? Timeout, Home);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A child may still hold a file; the temp dir is cleaned by the OS eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Tests of unreadable cache dirs may leave one behind.
        }
    }
}
