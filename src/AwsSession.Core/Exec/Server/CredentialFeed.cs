using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Exec.Server;

/// <summary>What the credential server answers right now: a session, or why there is none.</summary>
public sealed record CredentialAnswer(Session? Session, string? Error);

/// <summary>
/// Keeps a session fresh for `exec --server` by re-running the session's credential chain ahead of expiry, in the
/// background, so a request is always answered from memory (SDKs give the endpoint about 2 s, too short for a
/// prompt). The top cache entry is renewed (replaced, never deleted: other processes share it): a role session is
/// re-made from the cached MFA session. The chain it runs never prompts (the command owns the terminal) and never
/// re-sends -t's code: a new MFA session comes from mfa_process or not at all, and then the error (on stderr, once)
/// becomes the child's next answer once the old session expires.
/// </summary>
public sealed class CredentialFeed : IAsyncDisposable
{
    /// <summary>SDKs start refreshing 15 minutes before expiry (botocore's advisory window): be fresh by then.</summary>
    public static readonly TimeSpan MaxLead = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    private readonly ICredentialSource _source;
    private readonly TimeProvider _time;
    private readonly IStatus _status;
    private readonly CancellationTokenSource _stop = new();
    private volatile State _state;
    private Task _loop = Task.CompletedTask;

    public CredentialFeed(ICredentialSource source, Session initial, TimeProvider time, IStatus status)
    {
        (_source, _time, _status) = (source, time, status);
        _state = new State(initial, RefreshAt(initial, time.GetUtcNow()), null);
    }

    public static CredentialFeed Start(ICredentialSource source, Session initial, TimeProvider time, IStatus status)
    {
        var feed = new CredentialFeed(source, initial, time, status);
        feed._loop = Task.Run(feed.LoopAsync);
        return feed;
    }

    public DateTimeOffset NextRefresh => _state.RefreshAt;

    public CredentialAnswer Current()
    {
        var state = _state;
        var expired = state.Session.Expiration is { } e && e <= _time.GetUtcNow();
        return expired
            ? new CredentialAnswer(null, state.Error ?? "the session has expired and is being renewed; try again shortly")
            : new CredentialAnswer(state.Session, null);
    }

    /// <summary>Refresh when half the lifetime is left, at most <see cref="MaxLead"/> before expiry (short test sessions refresh quickly).</summary>
    public static DateTimeOffset RefreshAt(Session session, DateTimeOffset obtained)
    {
        if (session.Expiration is not { } expiration)
            return DateTimeOffset.MaxValue;
        var lifetime = expiration - obtained;
        var lead = lifetime / 2 < MaxLead ? lifetime / 2 : MaxLead;
        return expiration - lead;
    }

    /// <summary>One refresh, now: what the background loop does when the time comes.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        var before = _state;
        try
        {
            var fresh = _source is IInvalidatable cached ? await cached.RenewAsync(before.Session, ct) : await _source.GetAsync(ct);
            _state = new State(fresh, RefreshAt(fresh, _time.GetUtcNow()), null);
            _status.Debug($"credential server: refreshed, valid until {fresh.Expiration:O}");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var message = e is AwsSessionException a ? a.Line : $"unexpected error: {ErrorText.Unexpected(e)}";
            var error = "aws-session could not refresh the credentials: " + message;
            if (error != before.Error)
                _status.Warn($"credential server: could not refresh the session: {message}");
            _state = before with { RefreshAt = _time.GetUtcNow() + RetryDelay, Error = error };
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            var wait = _state.RefreshAt == DateTimeOffset.MaxValue ? MaxDelay : _state.RefreshAt - _time.GetUtcNow();
            await Task.Delay(wait < MinDelay ? MinDelay : wait > MaxDelay ? MaxDelay : wait, _time, ct);
            if (_state.RefreshAt <= _time.GetUtcNow())
                await RefreshAsync(ct);
        }
    }

    private sealed record State(Session Session, DateTimeOffset RefreshAt, string? Error);
}
