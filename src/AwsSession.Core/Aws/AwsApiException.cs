using System.Net;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>An error answer from an AWS API, whichever client made the call.</summary>
public sealed class AwsApiException(string service, string code, string message, HttpStatusCode status)
    : Exception($"{service}: {code}: {message}")
{
    public string Code { get; } = code;
    public string ApiMessage { get; } = message;
    public HttpStatusCode Status { get; } = status;
}

/// <summary>The MFA code was refused (STS AccessDenied on GetSessionToken with MultiFactorAuthentication).</summary>
public sealed class MfaCodeRejectedException(string message) : AwsSessionException(message);

/// <summary>The credentials used were an expired session; a cached session can be dropped and remade.</summary>
public sealed class ExpiredTokenException(string message) : AwsSessionException(message);
