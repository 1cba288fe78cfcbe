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
    public static ResiliencePipeline Create(RetrySettings settings, TimeProvider? time = null, Action<int, Exception?>? onRetry = null)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time ?? TimeProvider.System };
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
                OnRetry = args =>
                {
                    onRetry?.Invoke(args.AttemptNumber + 1, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            });
        }
        builder.AddTimeout(settings.AttemptTimeout);
        return builder.Build();
    }
}
