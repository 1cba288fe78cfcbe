using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Web;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of moto (point AWS_ENDPOINT_URL at <see cref="Url"/>). It counts calls per
/// action (Query protocol `Action=`, JSON `X-Amz-Target`), forwards them with their Host header (so SigV4 still
/// verifies), and injects what moto cannot do: throttling, 5xx, hangs, ExpiredToken, MFA code checks, short sessions.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FaultState>> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _lifetimes = new(StringComparer.Ordinal);
    private readonly List<string> _log = [];
    private readonly Dictionary<string, System.Collections.Specialized.NameValueCollection> _lastForms = [];
    private readonly Task _loop;
    private string? _acceptedMfaCode;
    private TimeSpan _clockOffset;
    private readonly Dictionary<string, HashSet<string>> _knownKeys = new(StringComparer.Ordinal);

    public FaultProxy(string upstream)
    {
        Upstream = upstream.TrimEnd('/');
        _listener = Ports.Listen(out var port);
        Port = port;
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Upstream { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Calls of one action seen so far (attempts, faulted ones included).</summary>
    public int Calls(string action)
    {
        lock (_gate)
            return _calls.GetValueOrDefault(action);
    }

    public int TotalCalls
    {
        get
        {
            lock (_gate)
                return _calls.Values.Sum();
        }
    }

    /// <summary>Every action in the order it arrived.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
                return _log.ToList();
        }
    }

    /// <summary>The parameters of the last Query-protocol call of <paramref name="action"/> (its form body), or null.</summary>
    public IReadOnlyDictionary<string, string>? LastParameters(string action)
    {
        lock (_gate)
        {
            return _lastForms.TryGetValue(action, out var form)
                ? form.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => form[k]!)
                : null;
        }
    }

    public FaultProxy Inject(string action, Fault fault)
    {
        lock (_gate)
        {
            if (!_faults.TryGetValue(action, out var list))
                _faults[action] = list = [];
            list.Add(new FaultState(fault));
        }
        return this;
    }

    /// <summary>From now on GetSessionToken answers AccessDenied (as AWS does for a wrong code) unless TokenCode is this.</summary>
    public FaultProxy AcceptOnlyMfaCode(string code)
    {
        lock (_gate)
            _acceptedMfaCode = code;
        return this;
    }

    /// <summary>
    /// From now on this action answers InvalidClientTokenId to a request signed with a long-lived key (AKIA...) not in
    /// <paramref name="known"/>: a new key that IAM has not propagated yet, as far as the caller can tell.
    /// </summary>
    public FaultProxy RejectNewKeys(string action, params string[] known)
    {
        lock (_gate)
            _knownKeys[action] = [.. known];
        return this;
    }

    /// <summary>Rewrites the &lt;Expiration&gt; of this action's answers to now + lifetime.</summary>
    public FaultProxy ShortenExpiration(string action, TimeSpan lifetime)
    {
        lock (_gate)
            _lifetimes[action] = lifetime;
        return this;
    }

    /// <summary>
    /// From now on answers come from an AWS whose clock is <paramref name="offset"/> ahead of this machine's: their Date
    /// header and every &lt;Expiration&gt; are moved by it.
    /// </summary>
    public FaultProxy ShiftClock(TimeSpan offset)
    {
        lock (_gate)
            _clockOffset = offset;
        return this;
    }

    public void Reset()
    {
        lock (_gate)
        {
            _calls.Clear();
            _faults.Clear();
            _lifetimes.Clear();
            _log.Clear();
            _lastForms.Clear();
            _acceptedMfaCode = null;
            _knownKeys.Clear();
            _clockOffset = TimeSpan.Zero;
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var target = request.Headers["X-Amz-Target"];
            var json = target is not null;
            var form = json ? null : HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body));
            var action = target?[(target.LastIndexOf('.') + 1)..] ?? form?["Action"] ?? request.QueryString["Action"] ?? "(unknown)";

            Fault? fault;
            string? accepted;
            TimeSpan? lifetime;
            bool unknownKey;
            lock (_gate)
            {
                unknownKey = _knownKeys.TryGetValue(action, out var known) && SigningKey(request) is { } k && k.StartsWith("AKIA", StringComparison.Ordinal) && !known.Contains(k);
                _calls[action] = _calls.GetValueOrDefault(action) + 1;
                _log.Add(action);
                if (form is not null)
                    _lastForms[action] = form;
                fault = TakeFault(action);
                accepted = _acceptedMfaCode;
                lifetime = _lifetimes.TryGetValue(action, out var l) ? l : null;
            }

            if (fault is { Kind: FaultKind.Hang })
            {
                await Task.Delay(Timeout.Infinite, _stop.Token).ContinueWith(_ => { });
                response.Abort();
                return;
            }
            if (fault is not null)
            {
                await ErrorAsync(response, fault, json);
                return;
            }
            if (unknownKey)
            {
                await WriteAsync(response, 403, "text/xml", QueryErrorXml("InvalidClientTokenId", "The security token included in the request is invalid."));
                return;
            }
            if (action == "GetSessionToken" && accepted is not null && form?["TokenCode"] != accepted)
            {
                await WriteAsync(response, 403, "text/xml", QueryErrorXml("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."));
                return;
            }
            await ForwardAsync(request, response, body, lifetime);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            response.Abort();
        }
        catch (Exception e)
        {
            try
            {
                await WriteAsync(response, 502, "text/plain", "FaultProxy: " + e.Message);
            }
            catch (Exception)
            {
                response.Abort();
            }
        }
    }

    /// <summary>The access key id in SigV4's "Credential=AKIA.../date/region/service/aws4_request".</summary>
    private static string? SigningKey(HttpListenerRequest request)
    {
        var auth = request.Headers["Authorization"];
        var at = auth?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
        if (auth is null || at < 0)
            return null;
        var start = at + "Credential=".Length;
        var end = auth.IndexOf('/', start);
        return end > start ? auth[start..end] : null;
    }

    private Fault? TakeFault(string action)
    {
        if (!_faults.TryGetValue(action, out var list))
            return null;
        var state = list.FirstOrDefault(f => f.Remaining != 0);
        if (state is null)
            return null;
        if (state.Remaining > 0)
            state.Remaining--;
        return state.Fault;
    }

    private async Task ForwardAsync(HttpListenerRequest request, HttpListenerResponse response, byte[] body, TimeSpan? lifetime)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.HttpMethod), Upstream + request.RawUrl);
        if (body.Length > 0 || request.HttpMethod is "POST" or "PUT")
            message.Content = new ByteArrayContent(body);
        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            var value = request.Headers[name]!;
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                message.Headers.Host = value; // SigV4 signed this host; moto verifies against it.
            else if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    message.Content?.Headers.TryAddWithoutValidation(name, value);
            }
            else if (!name.Equals("Connection", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                     && !name.Equals("Expect", StringComparison.OrdinalIgnoreCase))
                message.Headers.TryAddWithoutValidation(name, value);
        }

        using var upstream = await _upstream.SendAsync(message, _stop.Token);
        var text = await upstream.Content.ReadAsStringAsync(_stop.Token);
        TimeSpan offset;
        lock (_gate)
            offset = _clockOffset;
        if (lifetime is { } l && upstream.IsSuccessStatusCode)
        {
            var expiry = DateTime.UtcNow.Add(l).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
            text = ExpirationPattern().Replace(text, $"<Expiration>{expiry}</Expiration>");
        }
        if (offset != TimeSpan.Zero)
        {
            text = ExpirationPattern().Replace(text, m =>
                $"<Expiration>{DateTime.Parse(m.Value[12..^13], null, System.Globalization.DateTimeStyles.AdjustToUniversal).Add(offset):yyyy-MM-dd'T'HH:mm:ss'Z'}</Expiration>");
            response.Headers.Set(HttpResponseHeader.Date, DateTime.UtcNow.Add(offset).ToString("r"));
        }
        await WriteAsync(response, (int)upstream.StatusCode, upstream.Content.Headers.ContentType?.ToString() ?? "text/xml", text);
    }

    private static Task ErrorAsync(HttpListenerResponse response, Fault fault, bool json)
    {
        var (code, message) = fault.Kind switch
        {
            FaultKind.Throttle => (json ? "TooManyRequestsException" : "Throttling", "Rate exceeded"),
            FaultKind.ExpiredToken => (json ? "ExpiredTokenException" : "ExpiredToken", "The security token included in the request is expired"),
            FaultKind.RevokedToken => (json ? "UnrecognizedClientException" : "InvalidClientTokenId", "The security token included in the request is invalid"),
            _ => (json ? "ServiceException" : "InternalFailure", "injected server error"),
        };
        return json
            ? WriteAsync(response, fault.Status, "application/x-amz-json-1.1", $$"""{"__type":"{{code}}","Message":"{{message}}"}""")
            : WriteAsync(response, fault.Status, "text/xml", QueryErrorXml(code, message, fault.Kind == FaultKind.ServerError ? "Receiver" : "Sender"));
    }

    private static string QueryErrorXml(string code, string message, string type = "Sender") =>
        $"<ErrorResponse><Error><Type>{type}</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>";

    private static async Task WriteAsync(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopping.
        }
        _upstream.Dispose();
        _stop.Dispose();
    }

    [GeneratedRegex("<Expiration>[^<]*</Expiration>")]
    private static partial Regex ExpirationPattern();

    private sealed class FaultState(Fault fault)
    {
        public Fault Fault { get; } = fault;
        public int Remaining { get; set; } = fault.Times;
    }
}
