using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using AwsSession.Domain;
using Polly.Timeout;

namespace AwsSession.Aws;

/// <summary>Turns whatever an AWS call threw, after retries, into one line a person can act on.</summary>
public static class AwsErrors
{
    /// <summary>Behind a proxy that inspects TLS, its authority is what the AWS CLI and aws-session must trust.</summary>
    public const string TlsHint = $"a proxy that inspects TLS needs its CA certificates in {Config.CaBundle.Variable} or the profile's ca_bundle (a PEM file)";

    public static AwsSessionException Describe(string service, string operation, Uri? endpoint, Exception e, int attempts)
    {
        var what = $"{service} {operation}";
        var (code, raw, status) = Details(e);
        var message = ErrorText.Outside(raw);

        if (code is "ExpiredToken" or "ExpiredTokenException" or "RequestExpired")
            return new ExpiredTokenException($"{what}: the credentials have expired ({message})");
        if (TransientErrors.IsThrottling(code) || status == HttpStatusCode.TooManyRequests)
            return new AwsSessionException($"{what} was throttled by AWS ({attempts} attempts)", hint: "wait a minute and try again", inner: e);
        if (code is "InvalidClientTokenId" or "SignatureDoesNotMatch" or "UnrecognizedClientException" or "InvalidAccessKeyId")
            return new CredentialsRejectedException($"{what}: AWS rejected the credentials ({code}: {message})",
                hint: "the access key may be deleted, deactivated or mistyped; check ~/.aws/credentials", inner: e);
        if (code is not null)
            return new AwsSessionException($"{what} failed: {code}: {message}", inner: e);
        if (status is { } s && (int)s >= 500)
            return new AwsSessionException($"{what} failed: AWS answered {(int)s} after {attempts} attempts", hint: "try again later", inner: e);

        var at = endpoint is null ? "" : $" at {endpoint.GetLeftPart(UriPartial.Authority)}";
        if (Find<TimeoutRejectedException>(e) is not null || (Find<OperationCanceledException>(e) is not null && Find<SocketException>(e) is null))
            return new AwsSessionException($"{what}: no answer from {service}{at} in time ({attempts} attempts)", hint: "check the network, a proxy or AWS_ENDPOINT_URL", inner: e);
        if (Find<SocketException>(e) is { } se)
            return new AwsSessionException($"{what}: cannot connect to {service}{at}: {Reason(se)}", hint: "check the network, a proxy or AWS_ENDPOINT_URL", inner: e);
        if (Find<HttpRequestException>(e) is { HttpRequestError: HttpRequestError.SecureConnectionError })
            return new AwsSessionException($"{what}: the TLS connection to {service}{at} failed (an untrusted or wrong certificate)", hint: TlsHint, inner: e);
        if (Find<HttpRequestException>(e) is { } he)
            return new AwsSessionException($"{what}: cannot reach {service}{at}: {ErrorText.Outside(he.HttpRequestError.ToString())}", inner: e);
        return new AwsSessionException($"{what} failed: {ErrorText.Unexpected(e)}", hint: "run with --debug for the trace", inner: e);
    }

    private static (string? Code, string? Message, HttpStatusCode? Status) Details(Exception e)
    {
        for (var ex = e; ex is not null; ex = ex.InnerException)
        {
            if (ex is AwsApiException api)
                return (api.Code, api.ApiMessage, api.Status);
            if (ex is AmazonServiceException svc && (svc.ErrorCode is not null || svc.StatusCode != 0))
                return (svc.ErrorCode, svc.Message, svc.StatusCode == 0 ? null : svc.StatusCode);
        }
        return (null, null, null);
    }

    private static string Reason(SocketException se) => se.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
        _ => se.SocketErrorCode.ToString(),
    };

    private static T? Find<T>(Exception e) where T : Exception
    {
        for (var ex = e; ex is not null; ex = ex.InnerException)
        {
            if (ex is T t)
                return t;
        }
        return null;
    }
}
