using System.Globalization;
using AwsSession.Output;
using CsCheck;

namespace AwsSession.Tests.Unit.Output;

public sealed class DigitsTests
{
    private static readonly Gen<DateTime> Times =
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(t => new DateTime(t, DateTimeKind.Utc));

    [Fact]
    public void Padded_numbers_are_what_the_invariant_culture_writes() =>
        Gen.Select(Gen.Int, Gen.Int[1, 10]).Sample((value, width) =>
            Digits.Padded(value, width) == value.ToString("D" + width, CultureInfo.InvariantCulture));

    [Fact]
    public void Times_are_what_the_invariant_culture_writes_for_the_same_patterns() =>
        Times.Sample(t =>
            Digits.Iso(new DateTimeOffset(t)) == t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            && Digits.Date(t) == t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            && Digits.Clock(t) == t.ToString("HH:mm", CultureInfo.InvariantCulture));

    [Fact]
    public void An_expiration_with_an_offset_is_written_in_utc() =>
        Digits.Iso(new DateTimeOffset(2026, 12, 3, 1, 2, 3, TimeSpan.FromHours(2))).ShouldBe("2026-12-02T23:02:03Z");
}
