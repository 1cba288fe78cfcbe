using System.Buffers;
using System.Text;
using System.Text.Json;

namespace AwsSession.Cache;

/// <summary>
/// The few steps the hand-written cache codecs share. They read and write exactly what System.Text.Json's serializer
/// wrote before (PascalCase names, enum names, ISO 8601 times, unknown names ignored, the last duplicate winning), without
/// its first-use metadata work, which cost every cache hit more than the rest of reading the file.
/// </summary>
internal static class JsonRead
{
    /// <summary>A string or null; anything else is not our format.</summary>
    public static string? String(ref Utf8JsonReader r) => r.TokenType switch
    {
        JsonTokenType.String => Text(ref r),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"expected a string, found {r.TokenType}"),
    };

    public static DateTimeOffset Time(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.String ? r.GetDateTimeOffset() : throw new JsonException($"expected a time, found {r.TokenType}");

    public static int Int(ref Utf8JsonReader r) =>
        r.TokenType == JsonTokenType.Number ? r.GetInt32() : throw new JsonException($"expected a number, found {r.TokenType}");

    /// <summary>Moves to the first property of an object that starts here.</summary>
    public static void StartObject(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
            throw new JsonException($"expected an object, found {r.TokenType}");
    }

    /// <summary>The next property's name with the reader on its value, or null at the object's end.</summary>
    public static string? NextProperty(ref Utf8JsonReader r)
    {
        if (!r.Read() || r.TokenType == JsonTokenType.EndObject)
            return null;
        var name = Name(ref r);
        if (!r.Read())
            throw new JsonException("truncated");
        return name;
    }

    /// <summary>
    /// A property name, the same string each time it recurs: a list repeats its few names for every item (an account
    /// list five per account), and a cache hit would otherwise allocate each again.
    /// </summary>
    private static string Name(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence)
            return Text(ref r);
        var bytes = r.ValueSpan;
        var names = RecentNames;
        foreach (var known in names)
        {
            if (known is null)
                break;
            if (known.Length == bytes.Length && Ascii.Equals(bytes, known))
                return known;
        }
        var name = Text(ref r);
        if (Ascii.IsValid(name))
            names[(uint)Interlocked.Increment(ref _nextName) % (uint)names.Length] = name;
        return name;
    }

    // Reads run one at a time, but a lost or duplicated entry would cost only an allocation.
    private static readonly string?[] RecentNames = new string?[16];
    private static int _nextName = -1;

    /// <summary>
    /// A string token's text. Without escapes (all our own files, and the AWS CLI's) it is decoded here: the reader's
    /// GetString sets up its transcoding statics on first use, which cost a cache hit more than decoding every string.
    /// Invalid UTF-8 fails as GetString fails.
    /// </summary>
    private static string Text(ref Utf8JsonReader r)
    {
        if (r.ValueIsEscaped || r.HasValueSequence)
            return r.GetString()!;
        try
        {
            return StrictUtf8.GetString(r.ValueSpan);
        }
        catch (DecoderFallbackException e)
        {
            throw new JsonException("invalid UTF-8", e);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The whole document is one value: nothing may follow it.</summary>
    public static void End(ref Utf8JsonReader r)
    {
        if (r.Read())
            throw new JsonException("text after the value");
    }

    /// <summary>Runs a codec's reader; malformed or incomplete text is null, never an exception.</summary>
    public static T? Safely<T>(Func<T?> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
            write(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
