using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Tools;

/// <summary>The page `aws-session manpage` prints, formatted by man-db's man(1) as a reader would see it.</summary>
public sealed class ManPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-session-man-").FullName;

    private async Task<string> PageAsync()
    {
        var r = await ProcessRunner.RunAsync(Repo.Binary, ["manpage"], ProcessRunner.CleanEnvironment());
        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldBeEmpty();
        var path = Path.Combine(_dir, "aws-session.1");
        await File.WriteAllTextAsync(path, r.Stdout);
        return path;
    }

    [Fact]
    [Trait("Category", "Smoke")]
    public async Task Man_formats_the_page_without_a_warning()
    {
        var page = await PageAsync();
        var env = ProcessRunner.CleanEnvironment();
        env["MANWIDTH"] = "80";
        env["MANPAGER"] = "cat";
        env["LANG"] = "C.UTF-8";

        // --warnings turns on groff's warnings (-ww): bad escapes, unknown macros, lines that cannot be broken.
        var r = await ProcessRunner.RunAsync("man", ["--warnings", "-l", page], env);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stderr.ShouldBeEmpty(r.ToString());
        r.Stdout.ShouldContain("AWS-SESSION(1)");
        r.Stdout.ShouldContain("aws-session exec");
        r.Stdout.ShouldContain("--mfa-token, -t CODE");
    }

    [Fact]
    public async Task The_manpage_command_is_hidden_from_help()
    {
        var r = await ProcessRunner.RunAsync(Repo.Binary, ["--help"], ProcessRunner.CleanEnvironment());

        r.ExitCode.ShouldBe(0, r.ToString());
        r.Stdout.ShouldContain("completion");
        r.Stdout.ShouldNotContain("manpage");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
