using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using AwsSession.Domain;

namespace AwsSession.Secrets;

/// <summary>
/// The bytes every backend stores as the secret: a small JSON object marked as aws-session's, naming its profile,
/// so an entry that is corrupt, foreign or filed under the wrong profile is reported instead of trusted.
/// </summary>
public static class StoredKeyPayload
{
    private const string Marker = "aws_session_key";
    private const int Version = 1;

    public static byte[] Encode(StoredKey key)
    {
        using var stream = new MemoryStream();
        // Relaxed escaping: the secret's + and / stay as they are, readable in `pass show` (still valid JSON).
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber(Marker, Version);
            w.WriteString("profile", key.Profile);
            w.WriteString("aws_access_key_id", key.AccessKeyId);
            w.WriteString("aws_secret_access_key", key.SecretAccessKey);
            w.WriteString("created", key.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        // GetBuffer, not ToArray: the only copy is the one returned, and the caller clears it.
        var bytes = stream.GetBuffer().AsSpan(0, (int)stream.Length).ToArray();
        CryptographicOperations.ZeroMemory(stream.GetBuffer());
        return bytes;
    }

    /// <summary>Decodes and checks an entry; <paramref name="where"/> names it in the error ("secret-service entry for 'x'").</summary>
    public static StoredKey Decode(ReadOnlySpan<byte> bytes, string profile, string where)
    {
        string? marker = null, owner = null, id = null, secret = null, created = null;
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw Foreign(where, profile);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Number => reader.GetInt32().ToString(CultureInfo.InvariantCulture),
                    _ => null,
                };
                reader.Skip();
                switch (name)
                {
                    case Marker: marker = value; break;
                    case "profile": owner = value; break;
                    case "aws_access_key_id": id = value; break;
                    case "aws_secret_access_key": secret = value; break;
                    case "created": created = value; break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw Foreign(where, profile);
        }

        if (marker != Version.ToString(CultureInfo.InvariantCulture) || owner is null || id is null || secret is null)
            throw Foreign(where, profile);
        if (owner != profile)
            throw new AwsSessionException($"the {where} holds the key of profile '{ErrorText.Printable(owner)}', not '{profile}': refusing to use it",
                hint: $"remove it with `aws-session remove {profile}` and add the key again");
        if (!KeyFormat.IsAccessKeyId(id) || !KeyFormat.IsSecret(secret))
            throw Foreign(where, profile);
        var when = DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var c) ? c : DateTimeOffset.UnixEpoch;
        return new StoredKey(profile, id, secret, when);
    }

    private static AwsSessionException Foreign(string where, string profile) =>
        new($"the {where} is not an aws-session key (corrupt, or written by another program): not using it",
            hint: $"remove it with `aws-session remove {profile}` and add the key again");
}
