using AwsSession.Domain;

namespace AwsSession.Output;

/// <summary>The credential_process format (Version 1) that every AWS SDK and the CLI read.</summary>
public static class CredentialProcessJson
{
    public static string Render(AwsCredentials c) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("Version", 1);
        w.WriteString("AccessKeyId", c.AccessKeyId);
        w.WriteString("SecretAccessKey", c.SecretAccessKey);
        if (c.SessionToken is { } t)
            w.WriteString("SessionToken", t);
        if (c.Expiration is { } e)
            w.WriteString("Expiration", SessionVariables.Iso(e));
        w.WriteEndObject();
    }) + "\n";
}
