using System.Text;
using System.Text.Json;
using AwsSession.Domain;
using AwsSession.Output;

namespace AwsSession.Exec;

/// <summary>The container credentials format: what ECS and `exec --server` answer (Utf8JsonWriter: AOT-safe).</summary>
public static class EcsCredentialsJson
{
    public static string Render(AwsCredentials c) => Write(w =>
    {
        w.WriteString("AccessKeyId", c.AccessKeyId);
        w.WriteString("SecretAccessKey", c.SecretAccessKey);
        if (c.SessionToken is { } t)
            w.WriteString("Token", t);
        if (c.Expiration is { } e)
            w.WriteString("Expiration", SessionVariables.Iso(e));
    });

    public static string Error(string code, string message) => Write(w =>
    {
        w.WriteString("code", code);
        w.WriteString("message", message);
    });

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
