using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// tests/Integration/Fixtures/fake_identity_center.py on 127.0.0.1 and a port of its choosing: sso-oidc and the
/// portal, as the real services speak them (checked with boto3 by SsoFakeTests). One per test class or test.
/// </summary>
public sealed class FakeIdentityCenter : IAsyncDisposable
{
    public const string StartUrl = "https://d-fake.awsapps.com/start";
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private FakeIdentityCenter(Process process, int port)
    {
        _process = process;
        Url = $"http://127.0.0.1:{port}";
    }

    public static string Script => Path.Combine(Repo.Root, "tests", "Integration", "Fixtures", "fake_identity_center.py");

    public static string Browser => Path.Combine(Repo.Root, "tests", "Integration", "Fixtures", "test_browser.sh");

    public string Url { get; }

    /// <param name="args">The fake's options, e.g. "--deny", "--device-ttl", "3", "--filler-accounts", "30".</param>
    public static async Task<FakeIdentityCenter> StartAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("python3", [Script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start python3");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(cts.Token);
        if (line is null || !line.StartsWith("READY ", StringComparison.Ordinal))
            throw new InvalidOperationException($"the fake Identity Center did not start: {line} {await process.StandardError.ReadToEndAsync(cts.Token)}");
        var fake = new FakeIdentityCenter(process, int.Parse(line[6..]));
        process.ErrorDataReceived += (_, e) => { lock (fake._log) fake._log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        return fake;
    }

    /// <summary>The fake's counters: register, authorize, approve, token_device, token_authorization_code, token_refresh, credentials, logout, ...</summary>
    public async Task<IReadOnlyDictionary<string, int>> StatsAsync()
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(Url + "/_fake/stats");
        return JsonSerializer.Deserialize<Dictionary<string, int>>(json)!;
    }

    public async Task<int> StatAsync(string name) => (await StatsAsync())[name];

    /// <summary>Revokes every access token (and with refresh, every refresh token): the portal answers 401.</summary>
    public async Task RevokeAsync(bool refresh = false)
    {
        using var http = new HttpClient();
        (await http.PostAsync(Url + "/_fake/revoke" + (refresh ? "?refresh=1" : ""), null)).EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
