using System.Text.Json;

namespace AwsSession.Cache;

/// <summary>A failure record's file: <c>{"Key":...,"At":"2026-...+00:00","Pid":123,"Message":...,"Hint":null,"ExitCode":1}</c>.</summary>
internal static class FailureRecordJson
{
    public static byte[] Write(FailureRecord f) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("Key", f.Key);
        w.WriteString("At", f.At);
        w.WriteNumber("Pid", f.Pid);
        w.WriteString("Message", f.Message);
        w.WriteString("Hint", f.Hint);
        w.WriteNumber("ExitCode", f.ExitCode);
        w.WriteEndObject();
    });

    /// <summary>The record, or null when the text is not a complete record of ours.</summary>
    public static FailureRecord? Read(byte[] json) => JsonRead.Safely(() =>
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartObject(ref r);
        string? key = null, message = null, hint = null;
        DateTimeOffset? at = null;
        int? pid = null, exitCode = null;
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "Key": key = JsonRead.String(ref r); break;
                case "At": at = JsonRead.Time(ref r); break;
                case "Pid": pid = JsonRead.Int(ref r); break;
                case "Message": message = JsonRead.String(ref r); break;
                case "Hint": hint = JsonRead.String(ref r); break;
                case "ExitCode": exitCode = JsonRead.Int(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        return key is null || at is null || pid is null || message is null || exitCode is null
            ? null
            : new FailureRecord(key, at.Value, pid.Value, message, hint, exitCode.Value);
    });
}
