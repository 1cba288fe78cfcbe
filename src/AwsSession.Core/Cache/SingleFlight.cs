using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Cache;

/// <summary>
/// One maker per key across processes: take the key's lock, look again (another run may have made it while this
/// one waited), report the failure of the run it waited for (see <see cref="FailureRecord"/>), else make it, store
/// it, and record a failure for the runs waiting behind. Sessions and the organization's account list both go
/// through here, so twenty parallel cold runs make one GetSessionToken and one account listing.
/// </summary>
public sealed class SingleFlight(CacheStore store, TimeProvider time, IStatus status)
{
    private readonly FailureRecords _failures = new(store, time);

    /// <param name="what">Names what is being made, for the line a waiter prints.</param>
    /// <param name="existing">What is already stored and good enough; called again after the lock is taken.</param>
    /// <param name="make">Makes it (the AWS calls, the prompt).</param>
    /// <param name="save">Stores it for the others.</param>
    public async Task<T> RunAsync<T>(string key, string what, Func<T?> existing, Func<Task<T>> make, Action<T> save, CancellationToken ct)
        where T : class
    {
        using var held = await CacheLock.AcquireAsync(store, key, what, time, status, ct);
        if (held.Held && existing() is { } madeMeanwhile)
        {
            status.Debug($"cache: {key} was made by another aws-session while this one waited");
            return madeMeanwhile;
        }
        if (held.WaitedSince is { } since && _failures.Since(key, since) is { } failure)
            throw failure.ToException();

        T made;
        try
        {
            made = await make();
        }
        catch (AwsSessionException e) when (held.Held)
        {
            _failures.Record(key, e);
            throw;
        }
        save(made);
        if (held.Held)
            _failures.Clear(key);
        return made;
    }
}
