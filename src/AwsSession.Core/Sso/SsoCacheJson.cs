using System.Text.Json;
using AwsSession.Cache;

namespace AwsSession.Sso;

/// <summary>
/// The AWS CLI's token and client-registration files, read and written by hand as the serializer did before (camelCase
/// names, nulls left out, unknown names ignored): the front executable reads tokens too, and the serializer's metadata
/// cost it more than a tenth of a cache hit's start-up.
/// </summary>
internal static class SsoCacheJson
{
    public static byte[] Write(SsoTokenCache.TokenFile f) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        Optional(w, "startUrl", f.StartUrl);
        Optional(w, "region", f.Region);
        Optional(w, "accessToken", f.AccessToken);
        Optional(w, "expiresAt", f.ExpiresAt);
        Optional(w, "clientId", f.ClientId);
        Optional(w, "clientSecret", f.ClientSecret);
        Optional(w, "registrationExpiresAt", f.RegistrationExpiresAt);
        Optional(w, "refreshToken", f.RefreshToken);
        w.WriteEndObject();
    });

    public static byte[] Write(SsoTokenCache.RegistrationFile f) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        Optional(w, "clientId", f.ClientId);
        Optional(w, "clientSecret", f.ClientSecret);
        Optional(w, "expiresAt", f.ExpiresAt);
        Optional(w, "scopes", f.Scopes);
        Optional(w, "grantTypes", f.GrantTypes);
        w.WriteEndObject();
    });

    /// <summary>The token file's fields, or null when the text is not such a file.</summary>
    public static SsoTokenCache.TokenFile? ReadToken(byte[] json) => JsonRead.Safely(() =>
    {
        var r = Start(json);
        var f = new SsoTokenCache.TokenFile();
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "startUrl": f.StartUrl = JsonRead.String(ref r); break;
                case "region": f.Region = JsonRead.String(ref r); break;
                case "accessToken": f.AccessToken = JsonRead.String(ref r); break;
                case "expiresAt": f.ExpiresAt = JsonRead.String(ref r); break;
                case "clientId": f.ClientId = JsonRead.String(ref r); break;
                case "clientSecret": f.ClientSecret = JsonRead.String(ref r); break;
                case "registrationExpiresAt": f.RegistrationExpiresAt = JsonRead.String(ref r); break;
                case "refreshToken": f.RefreshToken = JsonRead.String(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        return f;
    });

    /// <summary>The registration file's fields, or null when the text is not such a file.</summary>
    public static SsoTokenCache.RegistrationFile? ReadRegistration(byte[] json) => JsonRead.Safely(() =>
    {
        var r = Start(json);
        var f = new SsoTokenCache.RegistrationFile();
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "clientId": f.ClientId = JsonRead.String(ref r); break;
                case "clientSecret": f.ClientSecret = JsonRead.String(ref r); break;
                case "expiresAt": f.ExpiresAt = JsonRead.String(ref r); break;
                case "scopes": f.Scopes = Strings(ref r); break;
                case "grantTypes": f.GrantTypes = Strings(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        return f;
    });

    private static Utf8JsonReader Start(byte[] json)
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartObject(ref r);
        return r;
    }

    private static List<string>? Strings(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
            return null;
        if (r.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected a list of strings, found {r.TokenType}");
        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
            list.Add(JsonRead.String(ref r) ?? throw new JsonException("a null in a list of strings"));
        return list;
    }

    private static void Optional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
            w.WriteString(name, value);
    }

    private static void Optional(Utf8JsonWriter w, string name, List<string>? values)
    {
        if (values is null)
            return;
        w.WriteStartArray(name);
        foreach (var v in values)
            w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
