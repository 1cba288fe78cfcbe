using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>
/// What the last lock holder for a key failed with, kept in KEY.failed. The rule: a run that waited for the lock and
/// then finds no session, but a failure recorded after it began waiting, reports that failure instead of trying
/// again, so eight `make -j` jobs behind a throttled or refused holder make one attempt and ask for one code, not
/// eight. A run that did not wait ignores the record (a person retrying by hand gets a real try), and records older
/// than <see cref="Relevant"/> are ignored too. Messages never carry secrets, so the record holds none.
/// </summary>
public sealed record FailureRecord(string Key, DateTimeOffset At, int Pid, string Message, string? Hint, int ExitCode)
{
    public static readonly TimeSpan Relevant = TimeSpan.FromSeconds(30);

    public AwsSessionException ToException() => new RelayedFailureException(this);
}

/// <summary>A failure another run had, reported by a run that waited for it; relayed as it was, never re-wrapped.</summary>
public sealed class RelayedFailureException(FailureRecord record)
    : AwsSessionException($"another aws-session (pid {record.Pid}) failed just now: {record.Message}", record.ExitCode, record.Hint)
{
    public FailureRecord Record { get; } = record;
}

/// <summary>Reads and writes <see cref="FailureRecord"/>s under the cache's file rules.</summary>
public sealed class FailureRecords(CacheStore store, TimeProvider time)
{
    public void Record(string key, AwsSessionException e)
    {
        var record = e is RelayedFailureException r
            ? r.Record with { Key = key, At = time.GetUtcNow() }
            : new FailureRecord(key, time.GetUtcNow(), Environment.ProcessId, e.Message, e.Hint, e.ExitCode);
        store.Write(key + CacheNames.Failure, FailureRecordJson.Write(record));
    }

    /// <summary>The failure another run recorded for this key at or after <paramref name="since"/>, if recent.</summary>
    public FailureRecord? Since(string key, DateTimeOffset since)
    {
        var record = Read(key);
        return record is not null && record.At >= since && time.GetUtcNow() - record.At < FailureRecord.Relevant ? record : null;
    }

    public FailureRecord? Read(string key)
    {
        if (store.Read(key + CacheNames.Failure) is not { } bytes)
            return null;
        var record = FailureRecordJson.Read(bytes);
        return record?.Key == key ? record : null;
    }

    public void Clear(string key)
    {
        if (File.Exists(store.PathOf(key + CacheNames.Failure)))
            store.Delete(key + CacheNames.Failure);
    }
}
