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

    private static string Write(Action<Utf8JsonWriter> fields) => JsonText.Write(w =>
    {
        w.WriteStartObject();
        fields(w);
        w.WriteEndObject();
    });
}
