namespace AwsSession.Domain;

/// <summary>
/// The rule for putting text from outside (an AWS error message, another program's stderr) or an exception into a
/// message: one bounded line, and never a message that may quote what was sent or read. AWS's SignatureDoesNotMatch
/// text quotes the canonical request (with its security-token header); the SDK's unmarshalling errors quote the
/// response body (with the keys GetSessionToken returned); parsers quote the line they choked on.
/// </summary>
public static class ErrorText
{
    private const int MaxLength = 300;

    /// <summary>Where AWS starts echoing the request it received.</summary>
    private static readonly string[] EchoMarkers = ["The Canonical String", "The String-to-Sign", "Response Body", "Request Body"];

    /// <summary>Text from a service or a program: one line, printable, cut before any echo of a request, bounded.</summary>
    public static string Outside(string? text)
    {
        var line = string.Join(' ', (text ?? "").Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var marker in EchoMarkers)
        {
            var at = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
                line = line[..at].TrimEnd() + " (the rest, which quotes the request, is not shown)";
        }
        line = new string(line.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return line.Length > MaxLength ? line[..(MaxLength - 3)] + "..." : line;
    }

    /// <summary>A value someone typed or configured, quoted back in a message: control characters shown as '?', bounded.</summary>
    public static string Printable(string s)
    {
        var clean = new string(s.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length > 80 ? clean[..77] + "..." : clean;
    }

    /// <summary>
    /// An exception we did not expect: its type only. Its message may quote a request, a response or a file, and
    /// nothing here knows which; --debug adds the stack trace (<see cref="Trace"/>), still without messages.
    /// </summary>
    public static string Unexpected(Exception e) => e.GetType().Name;

    /// <summary>
    /// The --debug trace of an exception chain: each exception's type and stack, and the message only of our own
    /// exceptions, which are built never to hold a secret.
    /// </summary>
    public static string Trace(Exception e)
    {
        var parts = new List<string>();
        for (var ex = e; ex is not null; ex = ex.InnerException)
        {
            var message = ex is AwsSessionException ? ": " + ex.Message : " (message not shown: it may quote request, response or file content)";
            parts.Add($"{ex.GetType().FullName}{message}\n{ex.StackTrace}");
        }
        return string.Join("\n--- inner exception:\n", parts);
    }
}
