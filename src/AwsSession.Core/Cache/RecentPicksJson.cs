using System.Text.Json;

namespace AwsSession.Cache;

/// <summary>The picker's recent choices: <c>{"Key":...,"Picks":[{"Id":...,"Count":3,"Last":"..."}]}</c>.</summary>
internal static class RecentPicksJson
{
    public static byte[] Write(RecentPicksFile file) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("Key", file.Key);
        w.WriteStartArray("Picks");
        foreach (var p in file.Picks)
        {
            w.WriteStartObject();
            w.WriteString("Id", p.Id);
            w.WriteNumber("Count", p.Count);
            w.WriteString("Last", p.Last);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The choices, or null when the text is not a complete file of ours.</summary>
    public static RecentPicksFile? Read(byte[] json) => JsonRead.Safely(() =>
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartObject(ref r);
        string? key = null;
        List<RecentPick>? picks = null;
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "Key": key = JsonRead.String(ref r); break;
                case "Picks": picks = Picks(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        return key is null || picks is null ? null : new RecentPicksFile(key, picks);
    });

    private static List<RecentPick>? Picks(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
            return null;
        if (r.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected a list of picks, found {r.TokenType}");
        var picks = new List<RecentPick>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            JsonRead.StartObject(ref r);
            string? id = null;
            int? count = null;
            DateTimeOffset? last = null;
            while (JsonRead.NextProperty(ref r) is { } property)
            {
                switch (property)
                {
                    case "Id": id = JsonRead.String(ref r); break;
                    case "Count": count = JsonRead.Int(ref r); break;
                    case "Last": last = JsonRead.Time(ref r); break;
                    default: r.Skip(); break;
                }
            }
            if (id is null || count is null || last is null)
                throw new JsonException("a pick without its id, count or time");
            picks.Add(new RecentPick(id, count.Value, last.Value));
        }
        return picks;
    }
}
