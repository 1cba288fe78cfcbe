using AwsSession.Domain;

namespace AwsSession.Credentials;

/// <summary>
/// Without a cache, the session a run needs twice is still made once: `pose NAME --no-cache` lists the accounts with
/// the session it then assumes the role from, and a second GetSessionToken would spend (or prompt for) a second MFA
/// code. Held in memory for the run only; nothing is written.
/// </summary>
public sealed class MadeOnce(ICredentialSource inner) : ICredentialSource, IInvalidatable
{
    private Task<Session>? _made;

    // A failed or cancelled attempt is not kept: the run's next use tries again, as it would without this.
    public ValueTask<Session> GetAsync(CancellationToken ct)
    {
        if (_made is not { IsFaulted: false, IsCanceled: false })
            _made = inner.GetAsync(ct).AsTask();
        return new ValueTask<Session>(_made);
    }

    // What `exec --server` renews with: a new session, which the rest of the run then shares.
    public ValueTask<Session> RenewAsync(Session current, CancellationToken ct)
    {
        _made = inner.GetAsync(ct).AsTask();
        return new ValueTask<Session>(_made);
    }

    public void Invalidate() => _made = null;

    // The plan reads as its chain; being made once a run is not a link of it.
    public override string ToString() => inner.ToString() ?? "";
}
