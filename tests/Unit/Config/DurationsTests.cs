using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Config;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("900", 900)]
    [InlineData("90m", 5400)]
    [InlineData("12h", 43200)]
    [InlineData("1h30m", 5400)]
    [InlineData("45s", 45)]
    [InlineData("1h0m30s", 3630)]
    [InlineData(" 2H ", 7200)]
    public void Seconds_and_units_are_both_accepted(string text, int seconds)
    {
        Durations.Parse(text).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("")]
    [InlineData("banana")]
    [InlineData("-5")]
    [InlineData("1.5h")]
    [InlineData("12 h")]
    [InlineData("1d")]
    [InlineData("m")]
    [InlineData("99999999999")]
    [InlineData("30m1h")]
    public void Anything_else_is_a_usage_error_naming_the_option(string text)
    {
        var e = Should.Throw<UsageException>(() => Durations.Parse(text, "--duration"));

        e.ExitCode.ShouldBe(2);
        e.Message.ShouldStartWith("--duration:");
    }

    [Theory]
    [InlineData("15m", true)]
    [InlineData("36h", true)]
    [InlineData("12h", true)]
    [InlineData("899", false)]
    [InlineData("14m", false)]
    [InlineData("36h1s", false)]
    [InlineData("37h", false)]
    public void An_MFA_session_lasts_15_minutes_to_36_hours(string text, bool ok)
    {
        var d = Durations.Parse(text);
        Action check = () => Durations.InRange(d, Durations.MfaMin, Durations.MfaMax);

        if (ok)
            check();
        else
            Should.Throw<UsageException>(check).Hint.ShouldBe("use 15m to 36h");
    }

    [Theory]
    [InlineData(3600, "1h")]
    [InlineData(5400, "90m")]
    [InlineData(61, "61s")]
    public void Durations_are_shown_in_the_largest_exact_unit(int seconds, string shown)
    {
        Durations.Format(TimeSpan.FromSeconds(seconds)).ShouldBe(shown);
    }
}
