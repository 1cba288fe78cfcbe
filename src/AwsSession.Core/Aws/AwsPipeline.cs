using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AwsSession.Aws;

/// <summary>
/// The one Polly pipeline every AWS call goes through: a total timeout around jittered exponential retries of
/// transient failures, each attempt under its own timeout. The SDK's own retries are off, so attempts never multiply.
/// </summary>
public static class AwsPipeline
{
    public static ResiliencePipeline Create(RetrySettings settings)
    {
        var builder = new ResiliencePipelineBuilder();
        builder.AddTimeout(settings.TotalTimeout);
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && TransientErrors.IsTransient(e, args.Context.CancellationToken)),
            });
        }
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }
}
