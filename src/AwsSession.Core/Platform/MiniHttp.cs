using System.Text;

namespace AwsSession.Platform;

/// <summary>A request line and headers: all the credential server reads (its requests have no body).</summary>
public sealed record HttpRequestHead(string Method, string Target, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// Just enough HTTP/1.1 for one GET per connection, answered with Connection: close. No ASP.NET, no HttpListener:
/// nothing to trim, nothing reflective, a few kilobytes of code.
/// </summary>
public static class MiniHttp
{
    public const int MaxHeadBytes = 8192;

    /// <summary>The request head, or null when it is malformed, too long, or the client hung up first.</summary>
    public static async Task<HttpRequestHead?> ReadHeadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHeadBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
                return null;
            length += read;
            var end = buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);
            if (end >= 0)
                return Parse(Encoding.Latin1.GetString(buffer, 0, end));
        }
        return null;
    }

    public static HttpRequestHead? Parse(string head)
    {
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ');
        if (start.Length != 3 || !start[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            return null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
                return null;
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new HttpRequestHead(start[0], start[1], headers);
    }

    public static async Task WriteAsync(Stream stream, int status, string json, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = $"HTTP/1.1 {status} {Reason(status)}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        await stream.WriteAsync(body, ct);
        await stream.FlushAsync(ct);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "Service Unavailable",
    };
}
