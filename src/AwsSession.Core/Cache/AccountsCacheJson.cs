using System.Text.Json;
using AwsSession.Domain;

namespace AwsSession.Cache;

/// <summary>An account list's file: <c>{"Key":...,"Fetched":"...","Accounts":[{"Id":...,"Name":...,"Email":...,"Status":"ACTIVE","IsActive":true}]}</c>.</summary>
internal static class AccountsCacheJson
{
    public static byte[] Write(AccountsCacheEntry e) => JsonRead.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("Key", e.Key);
        w.WriteString("Fetched", e.Fetched);
        w.WriteStartArray("Accounts");
        foreach (var a in e.Accounts)
        {
            w.WriteStartObject();
            w.WriteString("Id", a.Id);
            w.WriteString("Name", a.Name);
            w.WriteString("Email", a.Email);
            w.WriteString("Status", a.Status);
            // Derived, and ignored when read; written because earlier releases wrote it.
            w.WriteBoolean("IsActive", a.IsActive);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The list, or null when the text is not a complete list of ours.</summary>
    public static AccountsCacheEntry? Read(byte[] json) => JsonRead.Safely(() =>
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        JsonRead.StartObject(ref r);
        string? key = null;
        DateTimeOffset? fetched = null;
        List<Account>? accounts = null;
        while (JsonRead.NextProperty(ref r) is { } name)
        {
            switch (name)
            {
                case "Key": key = JsonRead.String(ref r); break;
                case "Fetched": fetched = JsonRead.Time(ref r); break;
                case "Accounts": accounts = Accounts(ref r); break;
                default: r.Skip(); break;
            }
        }
        JsonRead.End(ref r);
        return key is null || fetched is null || accounts is null ? null : new AccountsCacheEntry(key, fetched.Value, accounts);
    });

    private static List<Account>? Accounts(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
            return null;
        if (r.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"expected a list of accounts, found {r.TokenType}");
        var accounts = new List<Account>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            JsonRead.StartObject(ref r);
            string? id = null, name = null, email = null, status = "ACTIVE";
            while (JsonRead.NextProperty(ref r) is { } property)
            {
                switch (property)
                {
                    case "Id": id = JsonRead.String(ref r); break;
                    case "Name": name = JsonRead.String(ref r); break;
                    case "Email": email = JsonRead.String(ref r); break;
                    case "Status": status = JsonRead.String(ref r); break;
                    default: r.Skip(); break;
                }
            }
            if (id is null || name is null || email is null || status is null)
                throw new JsonException("an account without its id, name, email or status");
            accounts.Add(new Account(id, name, email, status));
        }
        return accounts;
    }
}
