using AwsSession.Domain;
using Polly;

namespace AwsSession.Aws;

/// <summary>
/// Runs one AWS operation through the shared pipeline and maps its final failure to a clear error. The pipeline is
/// built on the first call, so the gateways (and this) cost nothing on a cache hit.
/// </summary>
public sealed class AwsCall(Lazy<ResiliencePipeline> pipeline, IAwsCallObserver? observer = null)
{
    public AwsCall(ResiliencePipeline pipeline, IAwsCallObserver? observer = null)
        : this(new Lazy<ResiliencePipeline>(pipeline), observer)
    {
    }

    public async Task<T> RunAsync<T>(string service, string operation, Uri? endpoint, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            return await pipeline.Value.ExecuteAsync(async token =>
            {
                attempts++;
                observer?.Calling(service, operation, attempts);
                return await call(token);
            }, ct);
        }
        catch (AwsSessionException)
        {
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            throw AwsErrors.Describe(service, operation, endpoint, e, attempts);
        }
    }
}

/// <summary>Sees every attempt; the --debug log uses it (names only, never payloads).</summary>
public interface IAwsCallObserver
{
    void Calling(string service, string operation, int attempt);
}
