using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AwsSession.Cache;
using AwsSession.Domain;
using CsCheck;

namespace AwsSession.Tests.Unit.Cache;

/// <summary>
/// The hand-written cache codecs read what the serializer of earlier releases wrote, write what it would read, and
/// call anything else absent.
/// </summary>
public sealed class CacheFormatsTests
{
    /// <summary>How earlier releases wrote the cache: the serializer with enum names.</summary>
    private static readonly JsonSerializerOptions Earlier = new() { Converters = { new JsonStringEnumConverter() } };

    private static Gen<string> OneOf(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 20],
        Gen.String[Gen.Char, 0, 20],
        OneOf("a\"b", "back\\slash", "+/=", "<script>", "ünïcödé", "😀", "line\nbreak"));

    private static readonly Gen<DateTimeOffset> Times =
        Gen.Select(Gen.Long[0, 4_000_000_000_000L], Gen.Int[-14 * 60, 14 * 60], (ms, offset) =>
            new DateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.AddMinutes(offset).Ticks, TimeSpan.FromMinutes(offset)).AddTicks(ms % 7));

    private static readonly Gen<CacheEntry> Entries =
        Gen.Select(Gen.Select(Text, Gen.Enum<SessionKind>(), Text, Text), Gen.Select(Text.Null(), Text, Text, Text), Times,
            (a, b, expiration) => new CacheEntry
            {
                Key = a.Item1, Kind = a.Item2, Profile = a.Item3, Identity = a.Item4, UserName = b.Item1,
                AccessKeyId = b.Item2, SecretAccessKey = b.Item3, SessionToken = b.Item4, Expiration = expiration,
            });

    private static readonly Gen<Account> Accounts = Gen.Select(Text, Text, Text, OneOf("ACTIVE", "SUSPENDED"), (i, n, e, s) => new Account(i, n, e, s));

    private static readonly Gen<RecentPick> Picks = Gen.Select(Text, Gen.Int[0, 1000], Times, (i, c, t) => new RecentPick(i, c, t));

    [Fact]
    public void A_session_written_by_an_earlier_release_is_read_and_one_written_now_reads_there() =>
        Entries.Sample(e =>
        {
            CacheEntryJson.Read(JsonSerializer.SerializeToUtf8Bytes(e, Earlier)).ShouldBe(e);
            JsonSerializer.Deserialize<CacheEntry>(CacheEntryJson.Write(e), Earlier).ShouldBe(e);
            Encoding.UTF8.GetString(CacheEntryJson.Write(e)).ShouldBe(JsonSerializer.Serialize(e, Earlier));
        }, iter: 500);

    [Fact]
    public void An_account_list_keeps_every_account_in_order_both_ways() =>
        Gen.Select(Text, Times, Accounts.List[0, 30], (k, t, a) => new AccountsCacheEntry(k, t, a)).Sample(e =>
        {
            var read = AccountsCacheJson.Read(JsonSerializer.SerializeToUtf8Bytes(e, Earlier));
            read.ShouldNotBeNull();
            (read.Key, read.Fetched).ShouldBe((e.Key, e.Fetched));
            read.Accounts.ShouldBe(e.Accounts);
            JsonSerializer.Deserialize<AccountsCacheEntry>(AccountsCacheJson.Write(e), Earlier)!.Accounts.ShouldBe(e.Accounts);
            Encoding.UTF8.GetString(AccountsCacheJson.Write(e)).ShouldBe(JsonSerializer.Serialize(e, Earlier));
        }, iter: 300);

    [Fact]
    public void Recent_picks_keep_their_counts_and_times_both_ways() =>
        Gen.Select(Text, Picks.List[0, 30], (k, p) => new RecentPicksFile(k, p)).Sample(f =>
        {
            var read = RecentPicksJson.Read(JsonSerializer.SerializeToUtf8Bytes(f, Earlier));
            read.ShouldNotBeNull();
            read.Key.ShouldBe(f.Key);
            read.Picks.ShouldBe(f.Picks);
            Encoding.UTF8.GetString(RecentPicksJson.Write(f)).ShouldBe(JsonSerializer.Serialize(f, Earlier));
        }, iter: 300);

    [Fact]
    public void A_failure_record_reads_and_writes_as_the_serializer_did() =>
        Gen.Select(Gen.Select(Text, Times, Gen.Int), Gen.Select(Text, Text.Null(), Gen.Int[0, 255]),
            (a, b) => new FailureRecord(a.Item1, a.Item2, a.Item3, b.Item1, b.Item2, b.Item3)).Sample(f =>
        {
            Encoding.UTF8.GetString(FailureRecordJson.Write(f)).ShouldBe(JsonSerializer.Serialize(f));
            FailureRecordJson.Read(JsonSerializer.SerializeToUtf8Bytes(f)).ShouldBe(f);
            JsonSerializer.Deserialize<FailureRecord>(FailureRecordJson.Write(f)).ShouldBe(f);
        }, iter: 300);

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"Key\":\"k\",\"At\":\"2026-12-03T07:00:00+00:00\",\"Pid\":1,\"Message\":\"m\"}")]
    [InlineData("{\"Key\":\"k\",\"At\":\"2026-12-03T07:00:00+00:00\",\"Pid\":\"1\",\"Message\":\"m\",\"ExitCode\":1}")]
    [InlineData("{\"Key\":\"k\",\"At\":\"2026-12-03T07:00:00+00:00\",\"Pid\":1,\"Message\":\"m\",\"ExitCode\":1} x")]
    public void Anything_but_a_whole_failure_record_is_none(string text) =>
        FailureRecordJson.Read(Encoding.UTF8.GetBytes(text)).ShouldBeNull();

    [Fact]
    public void An_account_without_a_status_is_active_as_before() =>
        AccountsCacheJson.Read("""{"Key":"k","Fetched":"2026-12-02T10:00:00+00:00","Accounts":[{"Id":"1","Name":"n","Email":"e"}]}"""u8.ToArray())!
            .Accounts.ShouldBe([new Account("1", "n", "e", "ACTIVE")]);

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"Key\":\"k\"}")]
    [InlineData("{\"Key\":\"k\",\"Kind\":\"Mfa\",\"Profile\":\"p\",\"Identity\":\"i\",\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"soon\"}")]
    [InlineData("{\"Key\":\"k\",\"Kind\":\"Root\",\"Profile\":\"p\",\"Identity\":\"i\",\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-12-02T10:00:00Z\"}")]
    [InlineData("{\"Key\":\"k\",\"Kind\":\"0\",\"Profile\":\"p\",\"Identity\":\"i\",\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-12-02T10:00:00Z\"}")]
    [InlineData("{\"Key\":\"k\",\"Kind\":\"Mfa\",\"Profile\":\"p\",\"Identity\":\"i\",\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"s\",\"SessionToken\":7,\"Expiration\":\"2026-12-02T10:00:00Z\"}")]
    [InlineData("{\"Key\":\"k\",\"Kind\":\"Mfa\",\"Profile\":\"p\",\"Identity\":\"i\",\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"s\",\"SessionToken\":\"t\",\"Expiration\":\"2026-12-02T10:00:00Z\"} {}")]
    public void Anything_but_a_whole_entry_is_no_entry(string text)
    {
        CacheEntryJson.Read(Encoding.UTF8.GetBytes(text)).ShouldBeNull();
        AccountsCacheJson.Read(Encoding.UTF8.GetBytes(text)).ShouldBeNull();
        RecentPicksJson.Read(Encoding.UTF8.GetBytes(text)).ShouldBeNull();
    }

    [Fact]
    public void A_whole_entry_in_any_case_of_its_kind_and_with_unknown_fields_is_read()
    {
        var entry = CacheEntryJson.Read("""{"Extra":{"a":[1,2]},"Version":1,"Key":"k","Kind":"role","Profile":"p","Identity":"i","UserName":null,"AccessKeyId":"a","SecretAccessKey":"s","SessionToken":"t","Expiration":"2026-12-02T10:00:00Z"}"""u8.ToArray());

        entry.ShouldNotBeNull();
        entry.Kind.ShouldBe(SessionKind.Role);
        entry.Expiration.ShouldBe(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Strings_with_escapes_read_as_their_text_and_invalid_utf8_is_no_entry()
    {
        var escaped = "{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{\"Id\":\"1\",\"N\\u0061me\":\"caf\\u00e9 \\\"x\\\"\",\"Email\":\"e\"}]}"u8.ToArray();
        AccountsCacheJson.Read(escaped)!.Accounts.ShouldBe([new Account("1", "caf\u00e9 \"x\"", "e", "ACTIVE")]);

        byte[] invalid = [.. "{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{\"Id\":\"1\",\"Name\":\""u8, 0xC3, 0x28, .. "\",\"Email\":\"e\"}]}"u8];
        AccountsCacheJson.Read(invalid).ShouldBeNull();
    }

    [Theory]
    [InlineData("\\b\\f\\n\\r\\t\\/\\\\\\\"", "\b\f\n\r\t/\\\"")]
    [InlineData("\\u002B\\u00e9\\u20AC\\ud83d\\uDE00", "+\u00e9\u20ac\U0001F600")]
    [InlineData("a\\u0000b", "a\0b")]
    public void Every_escape_reads_as_the_serializer_reads_it(string escaped, string text)
    {
        var json = Encoding.UTF8.GetBytes($"{{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{{\"Id\":\"{escaped}\",\"Name\":\"n\",\"Email\":\"e\"}}]}}");
        JsonDocument.Parse(json).RootElement.GetProperty("Accounts")[0].GetProperty("Id").GetString().ShouldBe(text);
        AccountsCacheJson.Read(json)!.Accounts[0].Id.ShouldBe(text);
    }

    [Fact]
    public void A_long_escaped_token_reads_whole_and_a_lone_surrogate_is_no_entry()
    {
        // Session tokens run to a few thousand characters, each + escaped by the writer.
        var entry = new CacheEntry
        {
            Key = "k", Kind = SessionKind.Mfa, Profile = "p", Identity = "i", UserName = null, AccessKeyId = "AKIA",
            SecretAccessKey = "s+", SessionToken = string.Concat(Enumerable.Repeat("IQoJb3+/=", 500)), Expiration = DateTimeOffset.UnixEpoch,
        };
        CacheEntryJson.Read(JsonSerializer.SerializeToUtf8Bytes(entry, Earlier)).ShouldBe(entry);

        foreach (var lone in (string[])["\\ud83d", "\\ude00", "\\ud83dx", "\\ud83d\\u0041"])
            AccountsCacheJson.Read(Encoding.UTF8.GetBytes($"{{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{{\"Id\":\"{lone}\",\"Name\":\"n\",\"Email\":\"e\"}}]}}")).ShouldBeNull(lone);
    }

    [Fact]
    public void Property_names_are_matched_exactly_however_often_they_recur()
    {
        // The reader reuses a name it has seen; "ID" is not "Id", so the second account has no id and the list is no entry.
        var lookAlike = "{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{\"Id\":\"1\",\"Name\":\"a\",\"Email\":\"e\"},{\"ID\":\"2\",\"Name\":\"b\",\"Email\":\"e\"}]}"u8.ToArray();
        AccountsCacheJson.Read(lookAlike).ShouldBeNull();

        var recurring = "{\"Key\":\"k\",\"Fetched\":\"2026-12-02T10:00:00+00:00\",\"Accounts\":[{\"Id\":\"1\",\"Name\":\"a\",\"Email\":\"e\"},{\"Email\":\"f\",\"Id\":\"2\",\"Name\":\"b\",\"Namex\":\"c\"}]}"u8.ToArray();
        AccountsCacheJson.Read(recurring)!.Accounts.ShouldBe([new Account("1", "a", "e", "ACTIVE"), new Account("2", "b", "f", "ACTIVE")]);
    }
}
