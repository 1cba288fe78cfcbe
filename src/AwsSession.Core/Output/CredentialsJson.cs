using AwsSession.Domain;

namespace AwsSession.Output;

/// <summary>
/// Credentials as JSON for a consumer that is an SDK: the credential_process format (Version 1) and the container
/// format that ECS and `exec --server` answer with. Utf8JsonWriter, so Native AOT stays warning-free.
/// </summary>
public static class CredentialsJson
{
    public static string Process(AwsCredentials c) => Render(c, tokenName: "SessionToken", version: true) + "\n";

    public static string Container(AwsCredentials c) => Render(c, tokenName: "Token", version: false);

    /// <summary>The container endpoint's error answer, which SDKs show as they are.</summary>
    public static string ContainerError(string code, string message) => JsonText.Object([new("code", code), new("message", message)]);

    private static string Render(AwsCredentials c, string tokenName, bool version) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        if (version)
            w.WriteNumber("Version", 1);
        w.WriteString("AccessKeyId", c.AccessKeyId);
        w.WriteString("SecretAccessKey", c.SecretAccessKey);
        if (c.SessionToken is { } t)
            w.WriteString(tokenName, t);
        if (c.Expiration is { } e)
            w.WriteString("Expiration", Digits.Iso(e));
        w.WriteEndObject();
    });
}
