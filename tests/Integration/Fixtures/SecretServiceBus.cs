using System.Diagnostics;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// A real Secret Service: a private D-Bus session bus with gnome-keyring-daemon on it, its login keyring created and
/// unlocked with a test password, in a HOME of its own. Fails loudly when dbus-daemon or gnome-keyring is missing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretServiceBus : IAsyncLifetime
{
    public const string Password = "keyring-test-password";
    private readonly string _root = Directory.CreateTempSubdirectory("aws-session-keyring-").FullName;
    private Process? _bus;
    private Process? _keyring;

    public string Address { get; private set; } = "";

    public string Home => Path.Combine(_root, "home");

    /// <summary>The variables a process needs to reach this keyring (and nothing of the machine's own).</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DBUS_SESSION_BUS_ADDRESS"] = Address,
        ["XDG_RUNTIME_DIR"] = Path.Combine(_root, "run"),
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(_root, "run"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var socket = Path.Combine(_root, "bus");
        _bus = Start("dbus-daemon", ["--session", "--nofork", "--nopidfile", "--print-address=1", $"--address=unix:path={socket}"], null);
        Address = (await _bus.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)))?.Trim()
            ?? throw new InvalidOperationException("dbus-daemon printed no address: " + await _bus.StandardError.ReadToEndAsync());
        _keyring = Start("gnome-keyring-daemon", ["--foreground", "--unlock", "--components=secrets"], Password);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await OwnedAsync())
        {
            if (DateTime.UtcNow > deadline || _keyring.HasExited)
                throw new InvalidOperationException("gnome-keyring-daemon did not take org.freedesktop.secrets on the test bus");
            await Task.Delay(100);
        }
    }

    /// <summary>Runs a tool (secret-tool, dbus-send) against this keyring.</summary>
    public Task<ProcessResult> RunAsync(string program, params string[] args) =>
        ProcessRunner.RunAsync(program, args, ToolEnvironment(), timeout: TimeSpan.FromSeconds(30));

    /// <summary>Locks the login keyring, as a screen lock or `secret-tool lock` would.</summary>
    public async Task LockAsync()
    {
        var r = await RunAsync("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.secrets", "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock", "array:objpath:/org/freedesktop/secrets/collection/login");
        if (r.ExitCode != 0)
            throw new InvalidOperationException("cannot lock the keyring: " + r);
    }

    public Task DisposeAsync()
    {
        foreach (var p in new[] { _keyring, _bus })
        {
            try
            {
                if (p is { HasExited: false })
                    p.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            p?.Dispose();
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The daemon may still be closing a file.
        }
        return Task.CompletedTask;
    }

    private async Task<bool> OwnedAsync()
    {
        var r = await RunAsync("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
            "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.secrets");
        return r.ExitCode == 0 && r.Stdout.Contains("boolean true");
    }

    private Dictionary<string, string> ToolEnvironment()
    {
        var env = ProcessRunner.CleanEnvironment();
        env["HOME"] = Home;
        env["XDG_DATA_HOME"] = Path.Combine(Home, ".local", "share");
        foreach (var (k, v) in Environment)
            env[k] = v;
        return env;
    }

    private Process Start(string program, string[] args, string? stdin)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in ToolEnvironment())
            psi.Environment[k] = v;
        if (Address.Length == 0)
            psi.Environment.Remove("DBUS_SESSION_BUS_ADDRESS");
        var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        if (stdin is not null)
            p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (program != "dbus-daemon")
        {
            p.OutputDataReceived += (_, _) => { };
            p.ErrorDataReceived += (_, _) => { };
            p.BeginOutputReadLine();
            p.BeginErrorReadLine();
        }
        return p;
    }
}
