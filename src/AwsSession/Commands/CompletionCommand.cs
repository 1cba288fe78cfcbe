using System.CommandLine;
using AwsSession.Application;
using AwsSession.Cli.Completion;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session completion bash|zsh|fish|pwsh`: a completion script generated from the command tree.</summary>
public static class CompletionCommand
{
    private static readonly Argument<string> Shell = new("SHELL") { Description = "bash, zsh, fish or pwsh" };

    static CompletionCommand()
    {
        Shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "pwsh");
    }

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("completion", """
            Print a shell completion script: commands, options, profile and sso-session names, --shell values.

              bash:  source <(aws-session completion bash)              (in ~/.bashrc)
              zsh:   source <(aws-session completion zsh)               (in ~/.zshrc, after compinit)
              fish:  aws-session completion fish | source               (or save to ~/.config/fish/completions/aws-session.fish)
              pwsh:  aws-session completion pwsh | Out-String | Invoke-Expression    (in $PROFILE)
            """) { Shell };
        cmd.SetAction(async (r, ct) =>
        {
            var model = CompletionModel.From(r.RootCommandResult.Command);
            var script = r.GetValue(Shell) switch
            {
                "bash" => BashCompletion.Render(model),
                "zsh" => ZshCompletion.Render(model),
                "fish" => FishCompletion.Render(model),
                _ => PwshCompletion.Render(model),
            };
            var output = contexts(false).Out;
            await output.WriteAsync(script);
            await output.FlushAsync(ct);
            return 0;
        });
        return cmd;
    }
}
