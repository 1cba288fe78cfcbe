using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Cli;
using AwsSession.Cli.Commands;
using CsCheck;

namespace AwsSession.Tests.Unit.Commands;

/// <summary>The hot path reads a command line exactly as the parser does, or leaves it to the parser.</summary>
public sealed class HotPathTests
{
    private static (string[] Words, string[]? Command) Split(string[] args)
    {
        var split = Array.IndexOf(args, "--");
        return split < 0 ? (args, null) : (args[..split], args[(split + 1)..]);
    }

    private static SessionRequest? Hot(params string[] args)
    {
        var (words, command) = Split(args);
        return HotPath.TryRead(words, command);
    }

    /// <summary>What the parser's commands ask to run for the same command line (null when it refuses it).</summary>
    private static async Task<SessionRequest?> Parsed(string[] args)
    {
        var (words, command) = Split(args);
        SessionRequest? asked = null;
        var root = RootCommandFactory.Create(_ => throw new InvalidOperationException("not run"), command, (request, _) =>
        {
            asked = request;
            return Task.FromResult(0);
        });
        var parsed = root.Parse(words.ToArray());
        if (parsed.Errors.Count > 0)
            return null;
        await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        return asked;
    }

    [Theory]
    [InlineData]
    [InlineData("mfa")]
    [InlineData("mfa", "arn:aws:iam::123456789012:mfa/alice")]
    [InlineData("pose")]
    [InlineData("pose", "prod")]
    [InlineData("pose", "123456789012", "Admin")]
    [InlineData("pose", "arn:aws:iam::123456789012:role/ci/Deploy")]
    [InlineData("exec")]
    [InlineData("exec", "--", "terraform", "plan", "--", "-x")]
    [InlineData("exec", "pose", "prod", "--", "make", "deploy")]
    [InlineData("exec", "pose", "prod", "Admin", "--", "true")]
    [InlineData("exec", "mfa", "--", "aws", "sts", "get-caller-identity")]
    [InlineData("--profile", "base", "pose", "prod")]
    [InlineData("exec", "--profile", "base", "pose", "prod", "--", "make")]
    [InlineData("pose", "prod", "--profile", "base")]
    public async Task The_everyday_command_lines_take_the_hot_path_and_mean_what_the_parser_reads(params string[] args)
    {
        var hot = Hot(args);
        hot.ShouldNotBeNull();
        (await Parsed(args)).ShouldBe(hot);
    }

    [Theory]
    [InlineData("pose", "prod", "-t", "123456")]
    [InlineData("--profile", "a", "--profile", "b", "pose")]
    [InlineData("--profile", "pose", "prod")]
    [InlineData("--profile")]
    [InlineData("pose", "prod", "--debug")]
    [InlineData("--help")]
    [InlineData("exec", "--server", "--", "true")]
    [InlineData("exec", "pose", "prod", "Admin")]
    [InlineData("exec", "--")]
    [InlineData("exec", "prod", "--", "true")]
    [InlineData("pose", "--", "true")]
    [InlineData("pose", "")]
    [InlineData("pose", "a", "b", "c")]
    [InlineData("pose", "@args")]
    [InlineData("[suggest]", "pose")]
    [InlineData("mfa", "not-an-arn")]
    [InlineData("whoami")]
    [InlineData("pos", "prod")]
    public void Everything_else_is_left_to_the_parser(params string[] args) => Hot(args).ShouldBeNull();

    private static readonly string[] Alphabet =
    [
        "exec", "mfa", "pose", "prod", "123456789012", "Admin", "ci/Deploy", "arn:aws:iam::123456789012:role/x",
        "arn:aws:iam::123456789012:mfa/alice", "--", "-t", "123456", "--profile", "--profile", "--shell", "base", "--region", "fish", "--server", "whoami",
        "", "@file", "[suggest]", "-", "sh", "-c", "exit 3", "pose-", "Exec",
    ];

    [Fact]
    public async Task Whatever_the_hot_path_accepts_the_parser_reads_the_same_way()
    {
        var accepted = 0;
        await Gen.Int[0, Alphabet.Length - 1].Select(i => Alphabet[i]).Array[0, 6].SampleAsync(async args =>
        {
            if (Hot(args) is not { } hot)
                return;
            Interlocked.Increment(ref accepted);
            (await Parsed(args)).ShouldBe(hot, string.Join(' ', args));
        }, iter: 3000);
        // Otherwise the property says nothing.
        accepted.ShouldBeGreaterThan(100);
    }
}
