using AwsSession.Domain;
using AwsSession.Exec;
using AwsSession.Platform;

namespace AwsSession.Tests.Unit.Exec;

/// <summary>Some of these change the process's current directory: they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "current directory";
}

[Collection(CurrentDirectoryCollection.Name)]
public sealed class ChildCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("child-command-").FullName;

    [Fact]
    public void Arguments_are_passed_untouched()
    {
        var c = ChildCommand.From(["terraform", "-t", "--profile", "x", "--", "--debug", ""], "/bin/bash");

        c.FileName.ShouldBe("terraform");
        c.Arguments.ShouldBe(["-t", "--profile", "x", "--", "--debug", ""]);
    }

    [Theory]
    [InlineData("/usr/bin/zsh", "/usr/bin/zsh")]
    [InlineData(null, "/bin/sh")]
    [InlineData("", "/bin/sh")]
    public void No_command_means_the_shell(string? shell, string expected)
    {
        var c = ChildCommand.From([], shell);

        c.FileName.ShouldBe(expected);
        c.Arguments.ShouldBeEmpty();
    }

    [Fact]
    public void A_name_is_looked_up_in_path_in_order()
    {
        var first = Directory.CreateDirectory(Path.Combine(_dir, "a")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_dir, "b")).FullName;
        Executable(Path.Combine(second, "tool"));

        CommandPath.Resolve("tool", $"{first}:{second}").ShouldBe(Path.Combine(second, "tool"));
    }

    [Fact]
    public void The_current_directory_is_not_searched_unless_path_says_so()
    {
        Executable(Path.Combine(_dir, "true"));
        var old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _dir;
            CommandPath.Resolve("true", "/usr/bin:/bin").ShouldNotStartWith(_dir);
            CommandPath.Resolve("true", "/nonexistent:").ShouldBe(Path.Combine(_dir, "true"));
        }
        finally
        {
            Environment.CurrentDirectory = old;
        }
    }

    [Fact]
    public void A_missing_command_is_127()
    {
        var e = Should.Throw<AwsSessionException>(() => CommandPath.Resolve("no-such-command-xyz", "/usr/bin:/bin"));

        e.ExitCode.ShouldBe(127);
        e.Message.ShouldBe("command not found: no-such-command-xyz");
    }

    [Fact]
    public void A_missing_path_is_127()
    {
        Should.Throw<AwsSessionException>(() => CommandPath.Resolve(Path.Combine(_dir, "nope"), null)).ExitCode.ShouldBe(127);
    }

    [Fact]
    public void A_directory_is_126()
    {
        Should.Throw<AwsSessionException>(() => CommandPath.Resolve(_dir, null)).ExitCode.ShouldBe(126);
    }

    [Fact]
    public void A_file_that_is_not_executable_is_126_by_path_and_by_name()
    {
        var file = Path.Combine(_dir, "data");
        File.WriteAllText(file, "x");

        Should.Throw<AwsSessionException>(() => CommandPath.Resolve(file, null, _ => false)).ExitCode.ShouldBe(126);
        Should.Throw<AwsSessionException>(() => CommandPath.Resolve("data", _dir, _ => false)).ExitCode.ShouldBe(126);
    }

    [Fact]
    public void A_relative_path_becomes_absolute()
    {
        var tool = Path.Combine(_dir, "tool");
        Executable(tool);
        var old = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = _dir;
            new ChildCommand("./tool", ["x"]).Resolve(null).ShouldBe(new ChildCommand(tool, ["x"]), new CommandComparer());
        }
        finally
        {
            Environment.CurrentDirectory = old;
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Executable(string path)
    {
        File.WriteAllText(path, "#!/bin/sh\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private sealed class CommandComparer : IEqualityComparer<ChildCommand>
    {
        public bool Equals(ChildCommand? x, ChildCommand? y) => x!.FileName == y!.FileName && x.Arguments.SequenceEqual(y.Arguments);

        public int GetHashCode(ChildCommand obj) => obj.FileName.GetHashCode();
    }
}
