using System.CommandLine;
using AwsSession.Application;

namespace AwsSession.Cli.Commands;

/// <summary>`aws-session devices`: the caller's MFA devices, with the one aws-session would use marked.</summary>
public static class DevicesCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "JSON output (default when stdout is not a terminal)" };

    public static Command Create(Func<bool, ToolContext> contexts)
    {
        var cmd = new Command("devices", """
            List the MFA devices of the IAM user behind the base keys (iam:ListMFADevices). Needs no MFA code.
            The `default` column marks the device a session would use: mfa_serial, else the first listed
            (on a terminal, a session offers a pick when there are several).

            Examples:
              aws-session devices
              aws-session devices --profile work --json
            """) { Json }.With(CommonOptions.Keys);
        cmd.SetAction(async (r, ct) =>
        {
            var invocation = ModeCommands.ReadMfaDefault(r);
            var context = contexts(invocation.Options.Debug);
            var (devices, chosen) = await new SessionService(context).DevicesAsync(invocation, ct);
            var rows = devices.Select(d => new[] { d.SerialNumber, d.UserName ?? "", d.Kind, d.SerialNumber == chosen ? "yes" : "" }).ToList();
            await Tables.WriteAsync(context, r.GetValue(Json), ["serial_number", "user", "type", "default"], rows,
                "no MFA devices", ct, booleans: ["default"]);
            return 0;
        });
        return cmd;
    }
}
