using AwsSession.Entry;
using AwsSession.Cli.Commands;

namespace AwsSession.Tests.Unit.Commands;

public sealed class DescribeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 13, 23, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(42, "until 14:05 UTC, 42m left")]
    [InlineData(12 * 60 + 42, "until 2026-12-03 02:05 UTC, 12h42m left")]
    [InlineData(-5, "until 13:18 UTC, expired")]
    public void The_end_of_a_session_is_told_in_utc_and_as_time_left(int minutes, string expected) =>
        Describe.Until(Now.AddMinutes(minutes), Now).ShouldBe(expected);

    [Theory]
    [InlineData(35 * 60 + 59, "35h59m")]
    [InlineData(60, "1h00m")]
    [InlineData(59, "59m")]
    [InlineData(0, "0m")]
    public void Time_left_is_told_in_hours_and_minutes_as_people_say_it(int minutes, string expected) =>
        Describe.Left(TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(30)).ShouldBe(expected);

    [Fact]
    public void A_local_offset_does_not_change_the_utc_clock_time() =>
        Describe.Until(new DateTimeOffset(2026, 12, 2, 15, 5, 0, TimeSpan.FromHours(1)), Now).ShouldBe("until 14:05 UTC, 42m left");
}
