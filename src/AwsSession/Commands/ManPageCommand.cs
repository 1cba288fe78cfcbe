using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cli.Manual;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session manpage`: aws-session(1) in roff on stdout, for packaging/build-deb.sh. Hidden from --help.</summary>
public static class ManPageCommand
{
    public static Command Create(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("manpage", "Print the aws-session(1) manual page (roff)") { Hidden = true };
        cmd.SetAction(async (r, ct) =>
        {
            var version = BuildInfo.Version;
            var output = contexts(false).Out;
            await output.WriteAsync(ManPage.Render((RootCommand)r.RootCommandResult.Command, version));
            await output.FlushAsync(ct);
            return 0;
        });
        return cmd;
    }
}
