namespace AwsSession.Output;

/// <summary>
/// Numbers in ASCII digits, zero-padded, as the invariant culture writes them. The times and durations a cache hit
/// prints are put together from these: a first culture-aware format sets up the culture's number and calendar data,
/// which cost a hit more than the rest of its line.
/// </summary>
public static class Digits
{
    public static string Padded(int value, int width)
    {
        Span<char> text = stackalloc char[11];
        var i = text.Length;
        var rest = Math.Abs((long)value);
        do
        {
            text[--i] = (char)('0' + rest % 10);
            rest /= 10;
        } while (rest > 0 || text.Length - i < width);
        if (value < 0)
            text[--i] = '-';
        return new string(text[i..]);
    }

    /// <summary>"2026-12-03T14:05:00Z": ISO 8601 in UTC to the second, as every AWS tool writes an expiration.</summary>
    public static string Iso(DateTimeOffset t) => Date(t.UtcDateTime) + "T" + Clock(t.UtcDateTime) + ":" + Padded(t.UtcDateTime.Second, 2) + "Z";

    /// <summary>"2026-12-03".</summary>
    public static string Date(DateTime t) => Padded(t.Year, 4) + "-" + Padded(t.Month, 2) + "-" + Padded(t.Day, 2);

    /// <summary>"14:05".</summary>
    public static string Clock(DateTime t) => Padded(t.Hour, 2) + ":" + Padded(t.Minute, 2);
}
