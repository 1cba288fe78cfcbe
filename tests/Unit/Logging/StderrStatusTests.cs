using AwsSession.Logging;

namespace AwsSession.Tests.Unit.Logging;

public sealed class StderrStatusTests
{
    /// <summary>Counts how often it is formatted.</summary>
    private sealed class Counted
    {
        public int Formatted { get; private set; }

        public override string ToString() => $"formatted {++Formatted}";
    }

    [Fact]
    public void Without_debug_an_interpolated_debug_line_is_never_formatted()
    {
        var value = new Counted();
        var error = new StringWriter();
        IStatus status = new StderrStatus(error, debug: false);

        status.Debug($"cache hit: {value} at {DateTimeOffset.UnixEpoch:u}");

        value.Formatted.ShouldBe(0);
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void With_debug_it_is_formatted_once_and_shown()
    {
        var value = new Counted();
        var error = new StringWriter { NewLine = "\n" };
        IStatus status = new StderrStatus(error, debug: true);

        status.Debug($"cache hit: {value} at {DateTimeOffset.UnixEpoch:u}");

        value.Formatted.ShouldBe(1);
        error.ToString().ShouldBe("aws-session: debug: cache hit: formatted 1 at 1970-01-01 00:00:00Z\n");
    }
}
