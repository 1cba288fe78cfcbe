using System.Text;
using System.Text.Json;
using AwsSession.Domain;

namespace AwsSession.Output;

/// <summary>The credential_process format (Version 1) that every AWS SDK and the CLI read.</summary>
public static class CredentialProcessJson
{
    public static string Render(AwsCredentials c)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
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
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
