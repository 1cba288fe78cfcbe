using System.Text.Json;
using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>A cached session's file: <c>{"Version":1,"Key":...,"Kind":"Mfa",...,"Expiration":"2026-...+00:00"}</c>.</summary>
internal static class CacheEntryJson
{
    public static byte[] Write(CacheEntry e) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("Version", e.Version);
        w.WriteString("Key", e.Key);
        w.WriteString("Kind", Name(e.Kind));
        w.WriteString("Profile", e.Profile);
        w.WriteString("Identity", e.Identity);
        w.WriteString("UserName", e.UserName);
        w.WriteString("AccessKeyId", e.AccessKeyId);
        w.WriteString("SecretAccessKey", e.SecretAccessKey);
        w.WriteString("SessionToken", e.SessionToken);
        w.WriteString("Expiration", e.Expiration);
        w.WriteEndObject();
    });

    /// <summary>The entry, or null when the text is not a complete entry of ours.</summary>
    public static CacheEntry? Read(byte[] json) => JsonRead.Safely(() =>
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartObject(ref r);
        var version = 1;
        string? key = null, kind = null, profile = null, identity = null, userName = null, accessKeyId = null, secret = null, token = null;
        DateTimeOffset? expiration = null;
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "Version": version = JsonRead.Int(ref r); break;
                case "Key": key = JsonRead.String(ref r); break;
                case "Kind": kind = JsonRead.String(ref r); break;
                case "Profile": profile = JsonRead.String(ref r); break;
                case "Identity": identity = JsonRead.String(ref r); break;
                case "UserName": userName = JsonRead.String(ref r); break;
                case "AccessKeyId": accessKeyId = JsonRead.String(ref r); break;
                case "SecretAccessKey": secret = JsonRead.String(ref r); break;
                case "SessionToken": token = JsonRead.String(ref r); break;
                case "Expiration": expiration = JsonRead.Time(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        if (key is null || !TryKind(kind, out var k) || profile is null || identity is null || accessKeyId is null || secret is null || token is null || expiration is null)
            return null;
        return new CacheEntry
        {
            Version = version, Key = key, Kind = k, Profile = profile, Identity = identity, UserName = userName,
            AccessKeyId = accessKeyId, SecretAccessKey = secret, SessionToken = token, Expiration = expiration.Value,
        };
    });

    // The enum's names spelled out: Enum.ToString and Enum.TryParse read the enum's metadata by reflection, which cost a
    // cache hit more than the rest of the file. CacheFormatsTests checks every kind against the serializer's spelling.
    private static string Name(SessionKind kind) => kind switch
    {
        SessionKind.Mfa => "Mfa",
        SessionKind.Role => "Role",
        SessionKind.Environment => "Environment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A name in any case, as the string enum converter read it; never a number.</summary>
    private static bool TryKind(string? text, out SessionKind kind)
    {
        foreach (var k in (SessionKind[])[SessionKind.Mfa, SessionKind.Role, SessionKind.Environment])
        {
            if (string.Equals(text, Name(k), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
