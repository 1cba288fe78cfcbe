using AwsSession.Cli.Commands;

namespace AwsSession.Tests.Unit.Commands;

/// <summary>Unknown words are errors with a suggestion, never an account, a role or a value.</summary>
public sealed class StrictParsingTests
{
    private static string? Error(params string[] args)
    {
        var split = Array.IndexOf(args, "--");
        var root = RootCommandFactory.Create(_ => throw new InvalidOperationException("not run"), split < 0 ? null : args[(split + 1)..]);
        var parsed = root.Parse(split < 0 ? args : args[..split]);
        return parsed.Errors.Count > 0 ? StrictParsing.Message(parsed) : null;
    }

    [Theory]
    [InlineData("unknown option '--bogus' for pose", "pose", "prod", "--bogus")]
    [InlineData("unknown option '--bogus' for pose", "pose", "--bogus")]
    [InlineData("unknown option '--bogus' for exec", "exec", "--bogus", "--", "true")]
    [InlineData("unknown option '--bogus' for pose", "whoami", "pose", "prod", "--bogus")]
    [InlineData("unknown option '--bogus' for mfa", "console", "mfa", "--bogus")]
    [InlineData("unknown option '-x' for sessions", "sessions", "-x")]
    public void An_unknown_option_is_an_error_in_every_mode(string expected, params string[] args) =>
        Error(args).ShouldBe(expected);

    [Theory]
    [InlineData("unknown command or argument 'pos'; did you mean 'pose'?", "pos", "prod")]
    [InlineData("unknown option '--sesion-name' for pose; did you mean '--session-name'?", "pose", "prod", "--sesion-name", "x")]
    [InlineData("unknown option '--sever' for exec; did you mean '--server'?", "exec", "--sever", "--", "true")]
    [InlineData("unknown option '--jsno' for accounts; did you mean '--json'?", "accounts", "--jsno")]
    [InlineData("unknown command or argument 'whomai'; did you mean 'whoami'?", "whomai")]
    public void A_misspelt_word_gets_a_suggestion(string expected, params string[] args) =>
        Error(args).ShouldBe(expected);

    [Theory]
    [InlineData("--profile", "--debug")]
    [InlineData("--region", "-x")]
    [InlineData("--mfa-token", "--shell")]
    public void An_option_is_never_taken_as_another_options_value(string option, string value) =>
        Error(option, value).ShouldStartWith($"{option} needs a value, and '{value}'");

    [Fact]
    public void Exec_with_a_role_word_and_no_double_dash_shows_the_right_form()
    {
        Error("exec", "pose", "prod", "make").ShouldStartWith("exec: is 'make' the role or the command? Put the command after --: aws-session exec pose prod -- make");
        Error("exec", "pose", "prod", "Admin", "--", "make").ShouldBeNull();
        Error("exec", "pose", "prod").ShouldBeNull();
    }

    [Theory]
    [InlineData("devices does not take -t", "-t", "123456", "devices")]
    [InlineData("sessions does not take --profile", "--profile", "work", "sessions")]
    [InlineData("completion does not take --shell", "--shell", "fish", "completion", "bash")]
    [InlineData("exec does not take --shell", "--shell", "fish", "exec", "--", "true")]
    public void An_option_before_a_command_that_does_not_take_it_is_an_error(string expected, params string[] args) =>
        Error(args).ShouldBe(expected);

    [Fact]
    public void Known_words_still_parse()
    {
        Error("pose", "prod", "Admin", "--session-name", "me", "-t", "123456").ShouldBeNull();
        Error("exec", "--server", "pose", "prod", "--", "sh", "-c", "--bogus").ShouldBeNull();
        Error("--profile", "work", "--debug").ShouldBeNull();
        Error("--profile", "work", "-t", "123456", "pose", "prod").ShouldBeNull();
        Error("--debug", "sessions").ShouldBeNull();
    }
}
