using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Polly.Timeout;

namespace AwsSession.Aws;

/// <summary>Which failures are worth another attempt: throttling, 5xx, and network faults. Never AccessDenied or validation.</summary>
public static class TransientErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "ProvisionedThroughputExceededException", "PriorRequestNotComplete",
        "BandwidthLimitExceeded", "LimitExceededException", "EC2ThrottledException", "TransactionInProgressException",
    };

    public static bool IsThrottling(string? code) => code is not null && ThrottlingCodes.Contains(code);

    public static bool IsTransient(Exception e, CancellationToken callerToken = default)
    {
        for (var ex = e; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case AwsApiException api:
                    return IsThrottling(api.Code) || (int)api.Status >= 500 || api.Status == HttpStatusCode.TooManyRequests;
                case AmazonServiceException svc when svc.ErrorCode is not null || svc.StatusCode != 0:
                    if (IsThrottling(svc.ErrorCode) || (int)svc.StatusCode >= 500 || svc.StatusCode == HttpStatusCode.TooManyRequests)
                        return true;
                    if (svc.ErrorCode is not null)
                        return false;
                    break;
                case TimeoutRejectedException:
                case HttpRequestException:
                case SocketException:
                case IOException:
                    return true;
                case OperationCanceledException when !callerToken.IsCancellationRequested:
                    // HttpClient reports its own timeout as a cancellation the caller did not ask for.
                    return true;
            }
        }
        return false;
    }
}
