using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AwsSession.Sso;
using CsCheck;

namespace AwsSession.Tests.Unit.Sso;

/// <summary>The token and registration files' hand-written codec against the serializer that wrote them before.</summary>
public sealed class SsoCacheJsonTests
{
    private static readonly JsonSerializerOptions Earlier = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Gen<string?> Text = Gen.OneOf(
        Gen.String[Gen.Char.AlphaNumeric, 0, 12],
        Gen.String[Gen.Char, 0, 12],
        Gen.Const("a\"b+/<>\\ü😀\n")).Null();

    private static readonly Gen<SsoTokenCache.TokenFile> Tokens =
        Gen.Select(Gen.Select(Text, Text, Text, Text), Gen.Select(Text, Text, Text, Text), (a, b) => new SsoTokenCache.TokenFile
        {
            StartUrl = a.Item1, Region = a.Item2, AccessToken = a.Item3, ExpiresAt = a.Item4,
            ClientId = b.Item1, ClientSecret = b.Item2, RegistrationExpiresAt = b.Item3, RefreshToken = b.Item4,
        });

    private static readonly Gen<List<string>?> Lists = Gen.String[Gen.Char.AlphaNumeric, 0, 8].List[0, 3].Null();

    private static readonly Gen<SsoTokenCache.RegistrationFile> Registrations =
        Gen.Select(Text, Text, Text, Lists, Lists, (id, secret, expires, scopes, grants) => new SsoTokenCache.RegistrationFile
        {
            ClientId = id, ClientSecret = secret, ExpiresAt = expires, Scopes = scopes, GrantTypes = grants,
        });

    [Fact]
    public void A_token_file_reads_and_writes_as_the_serializer_did() =>
        Tokens.Sample(f =>
        {
            var earlier = JsonSerializer.Serialize(f, Earlier);
            Encoding.UTF8.GetString(SsoCacheJson.Write(f)).ShouldBe(earlier);
            JsonSerializer.Serialize(SsoCacheJson.ReadToken(Encoding.UTF8.GetBytes(earlier)), Earlier).ShouldBe(earlier);
        }, iter: 300);

    [Fact]
    public void A_registration_file_reads_and_writes_as_the_serializer_did() =>
        Registrations.Sample(f =>
        {
            var earlier = JsonSerializer.Serialize(f, Earlier);
            Encoding.UTF8.GetString(SsoCacheJson.Write(f)).ShouldBe(earlier);
            JsonSerializer.Serialize(SsoCacheJson.ReadRegistration(Encoding.UTF8.GetBytes(earlier)), Earlier).ShouldBe(earlier);
        }, iter: 300);

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"accessToken":1}""")]
    [InlineData("""{"accessToken":"a"} {}""")]
    public void Anything_but_one_object_of_strings_is_no_token_file(string text) =>
        SsoCacheJson.ReadToken(Encoding.UTF8.GetBytes(text)).ShouldBeNull();

    [Fact]
    public void Unknown_fields_other_tools_write_are_passed_over() =>
        SsoCacheJson.ReadToken(Encoding.UTF8.GetBytes("""{"accessToken":"a","expiresAt":"2026-12-02T18:00:48UTC","extra":{"x":[1,2]},"n":3}"""))!
            .AccessToken.ShouldBe("a");
}
