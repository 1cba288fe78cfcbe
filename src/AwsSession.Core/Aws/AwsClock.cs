using AwsSession.Config;
using AwsSession.Logging;

namespace AwsSession.Aws;

/// <summary>
/// AWS's clock, as the Date header of its answers shows it. A session's expiration is a time on AWS's clock, while
/// everything here (the cache's margin, the credential server's refresh, the SDKs reading AWS_CREDENTIAL_EXPIRATION)
/// compares it with this machine's: a clock 10 minutes slow would serve credentials 10 minutes past their end. So a
/// clock more than <see cref="Tolerance"/> off gets one warning, and the gateways put expirations on the local clock.
/// </summary>
public sealed class AwsClock(TimeProvider time, IStatus status)
{
    /// <summary>Date has a one-second resolution, and an answer takes time: smaller offsets are noise.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private TimeSpan _skew;
    private bool _warned;

    public TimeProvider Time => time;

    /// <summary>How far AWS's clock is ahead of this machine's (negative: behind); zero within the tolerance.</summary>
    public TimeSpan Skew
    {
        get
        {
            lock (_gate)
                return _skew;
        }
    }

    /// <summary>One answer's Date, against the local times the request left and the answer came back.</summary>
    public void Observe(DateTimeOffset awsDate, DateTimeOffset sent, DateTimeOffset received)
    {
        var skew = awsDate - (sent + (received - sent) / 2);
        var off = skew.Duration() > Tolerance + (received - sent);
        bool warn;
        lock (_gate)
        {
            _skew = off ? skew : TimeSpan.Zero;
            warn = off && !_warned;
            _warned |= off;
        }
        if (warn)
        {
            status.Warn($"this computer's clock is {Durations.Format(Round(skew.Duration()))} {(skew > TimeSpan.Zero ? "behind" : "ahead of")} AWS's;" +
                " session expirations are shifted onto it here, but set the clock right (e.g. timedatectl set-ntp true)");
        }
    }

    /// <summary>An expiration on AWS's clock, moved onto this machine's.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset awsTime) => awsTime - Skew;

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMinutes(Math.Max(1, Math.Round(t.TotalMinutes)));
}

/// <summary>Shows every answer's Date to the clock.</summary>
public sealed class AwsClockHandler(AwsClock clock, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = clock.Time.GetUtcNow();
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.Date is { } date)
            clock.Observe(date, sent, clock.Time.GetUtcNow());
        return response;
    }
}
