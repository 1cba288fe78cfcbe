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

/// <summary>
/// AWS refused the credentials themselves (an expired or revoked session, a deleted key); a cached session so refused is
/// dropped and remade (<see cref="Credentials.StaleSessions"/>).
/// </summary>
public class CredentialsRejectedException(string message, string? hint = null, Exception? inner = null)
    : AwsSessionException(message, hint: hint, inner: inner)
{
    public virtual string Reason => "rejected";
}

/// <summary>The credentials used were an expired session.</summary>
public sealed class ExpiredTokenException(string message) : CredentialsRejectedException(message)
{
    public override string Reason => "expired";
}
