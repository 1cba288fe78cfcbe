using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsSession.Output;

/// <summary>
/// Small JSON documents written with Utf8JsonWriter (no reflection, so Native AOT stays warning-free):
/// the exports, listings, credential_process and container answers, and the federation session.
/// </summary>
public static class JsonText
{
    public static string Write(Action<Utf8JsonWriter> body, bool indented = false, JavaScriptEncoder? encoder = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = encoder }))
            body(w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>One flat object of strings, as `aws sts get-caller-identity` prints one record.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, string>> fields, bool indented = false) => Write(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in fields)
            w.WriteString(key, value);
        w.WriteEndObject();
    }, indented);
}
