using AwsSession.Aws;
using AwsSession.Tests.Unit.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AwsSession.Tests.Unit.Aws;

public sealed class AwsClockTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private readonly RecordingStatus _status = new();
    private readonly AwsClock _clock;

    public AwsClockTests() => _clock = new AwsClock(new FakeTimeProvider(Now), _status);

    [Fact]
    public void A_clock_behind_AWSs_moves_expirations_earlier_and_warns_once()
    {
        _clock.Observe(Now.AddMinutes(10), Now, Now.AddSeconds(1));
        _clock.Observe(Now.AddMinutes(10), Now, Now.AddSeconds(1));

        _clock.ToLocal(Now.AddHours(1)).ShouldBe(Now.AddMinutes(50).AddSeconds(0.5));
        _status.Warnings.ShouldHaveSingleItem().ShouldStartWith("this computer's clock is 10m behind AWS's");
    }

    [Fact]
    public void A_clock_ahead_of_AWSs_moves_expirations_later()
    {
        _clock.Observe(Now.AddHours(-2), Now, Now);

        _clock.ToLocal(Now).ShouldBe(Now.AddHours(2));
        _status.Warnings.ShouldHaveSingleItem().ShouldContain("2h ahead of AWS's");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(59)]
    [InlineData(-59)]
    public void Offsets_within_the_tolerance_are_noise(int seconds)
    {
        _clock.Observe(Now.AddSeconds(seconds), Now, Now);

        _clock.ToLocal(Now).ShouldBe(Now);
        _status.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public void A_slow_answer_widens_the_tolerance_instead_of_counting_as_skew()
    {
        // Sent at 12:00, answered at 12:03 (a slow proxy); AWS's Date, 12:02:30, is within the round trip.
        _clock.Observe(Now.AddMinutes(2.5), Now, Now.AddMinutes(3));

        _clock.Skew.ShouldBe(TimeSpan.Zero);
    }
}
