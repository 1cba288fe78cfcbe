using System.Diagnostics;
using System.Text;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>How to start and seed a moto_server.</summary>
public sealed record MotoOptions
{
    public int Accounts { get; init; } = 3;
    public int Devices { get; init; } = 1;
    public bool Organization { get; init; } = true;

    /// <summary>Passed as INITIAL_NO_AUTH_ACTION_COUNT at start: moto checks SigV4 after that many actions.</summary>
    public int? InitialNoAuthActionCount { get; init; }

    /// <summary>After seeding, set moto's no-auth count to 0 (its /moto-api/reset-auth): every later call must be signed correctly.</summary>
    public bool EnforceAuthAfterSeed { get; init; }
}

/// <summary>
/// A moto_server on 127.0.0.1 and a free port, seeded by sandbox/seed.py. Fails loudly when moto is missing: these
/// tests never skip. Use the shared one through <see cref="MotoCollection"/>; start your own for special state.
/// </summary>
public sealed class MotoServer : IAsyncLifetime, IAsyncDisposable
{
    private readonly MotoOptions _options;
    private readonly StringBuilder _log = new();
    private Process? _process;

    public MotoServer() : this(new MotoOptions()) { }

    private MotoServer(MotoOptions options) => _options = options;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public SeedData Seed { get; private set; } = null!;

    public static async Task<MotoServer> StartAsync(MotoOptions? options = null)
    {
        var moto = new MotoServer(options ?? new MotoOptions());
        await moto.InitializeAsync();
        return moto;
    }

    public async Task InitializeAsync()
    {
        // Between choosing a free port and moto binding it, another test's server can take it: then this moto exits
        // ("Address already in use") and a new port is tried.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartProcessAsync();
                break;
            }
            catch (PortTakenException) when (attempt < 5)
            {
                _process?.Dispose();
                lock (_log)
                    _log.Clear();
            }
        }
        Seed = await SeedAsync();
        if (_options.EnforceAuthAfterSeed)
            await PostAsync("/moto-api/reset-auth", "0");
    }

    private sealed class PortTakenException(string message) : Exception(message);

    private async Task StartProcessAsync()
    {
        Port = Ports.Free();
        var psi = new ProcessStartInfo(FindMoto(), ["-H", "127.0.0.1", "-p", Port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        if (_options.InitialNoAuthActionCount is { } n)
            psi.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = n.ToString();
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilReadyAsync();
    }

    /// <summary>moto's request log so far (for failure messages).</summary>
    public string Log()
    {
        lock (_log)
            return _log.ToString();
    }

    public async Task PostAsync(string path, string body)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(Url + path, new StringContent(body));
        response.EnsureSuccessStatusCode();
    }

    private static string FindMoto()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, "moto_server")).FirstOrDefault(File.Exists);
        return path ?? throw new InvalidOperationException(
            "moto_server is not installed (not on PATH): the integration tests need it; install it with: pip install 'moto[server]'");
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                var message = $"moto_server exited with code {_process.ExitCode} on port {Port}:\n{Log()}";
                throw Log().Contains("Address already in use", StringComparison.Ordinal) ? new PortTakenException(message) : new InvalidOperationException(message);
            }
            // Only once this moto says it is listening: an answer before that may come from another test's server.
            if (!Log().Contains($"Running on {Url}", StringComparison.Ordinal))
            {
                await Task.Delay(100);
                continue;
            }
            try
            {
                using var r = await http.GetAsync(Url + "/moto-api/");
                if (r.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"moto_server did not answer on {Url} within 30 s:\n{Log()}");
    }

    private async Task<SeedData> SeedAsync()
    {
        List<string> args = [Path.Combine(Repo.Root, "sandbox", "seed.py"), Url, "--accounts", _options.Accounts.ToString(), "--devices", _options.Devices.ToString()];
        if (!_options.Organization)
            args.Add("--no-org");
        var result = await ProcessRunner.RunAsync("python3", args, ProcessRunner.CleanEnvironment(), timeout: TimeSpan.FromSeconds(120));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"sandbox/seed.py failed (python3 with boto3 is needed): {result}");
        return SeedData.Parse(result.Stdout.Trim());
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_log)
            _log.AppendLine(line);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}

/// <summary>One moto shared by the tests of this collection (they must not change its state in ways others see).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
