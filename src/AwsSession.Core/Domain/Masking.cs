namespace AwsSession.Domain;

/// <summary>How identifiers are shown to people: enough to recognise, never enough to use.</summary>
public static class Masking
{
    public static string AccessKeyId(string? id) =>
        string.IsNullOrEmpty(id) ? "(none)"
        : id.Length <= 8 ? new string('*', id.Length)
        : string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));
}
