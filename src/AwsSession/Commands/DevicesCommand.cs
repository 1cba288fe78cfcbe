using System.CommandLine;
using AwsSession.Application;
using AwsSession.Credentials;
using AwsSession.Prompts;

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
            """) { Json };
        cmd.SetAction(async (r, ct) =>
        {
            var options = CommonOptions.Read(r);
            var context = contexts(options.Debug);
            var config = new SessionService(context).Resolve(options);
            var gateways = context.Gateways(config.StsRegion);
            var (devices, user) = await MfaDeviceList.ListAsync(gateways.Iam, gateways.Sts, config.Base.Credentials, context.Status, ct);
            var chosen = config.MfaSerial ?? devices.FirstOrDefault()?.SerialNumber;
            var rows = devices.Select(d => new[]
            {
                d.SerialNumber, d.UserName ?? user ?? "", Kind(d.SerialNumber),
                d.SerialNumber == chosen ? "yes" : "",
            }).ToList();
            if (config.MfaSerial is { } configured && devices.All(d => d.SerialNumber != configured))
                context.Status.Warn($"mfa_serial {configured} is not among this user's devices");
            await Tables.WriteAsync(context, r.GetValue(Json), ["serial_number", "user", "type", "default"], rows, ct);
            return 0;
        });
        return cmd;
    }

    /// <summary>Virtual (TOTP app), FIDO security key (cannot make a CLI session), or a hardware token's serial.</summary>
    private static string Kind(string serial) =>
        serial.Contains(":mfa/", StringComparison.Ordinal) ? "virtual"
        : serial.Contains(":u2f/", StringComparison.Ordinal) ? "security-key"
        : "hardware";
}
