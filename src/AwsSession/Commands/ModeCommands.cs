using System.CommandLine;
using AwsSession.Entry;
using AwsSession.Config;

namespace AwsSession.Cli.Commands;

/// <summary>
/// The `[mfa [DEVICE-ARN] | pose [ACCOUNT] [ROLE]]` shape that the root, exec, credential-process and console share.
/// Each caller supplies what to do with the resulting invocation.
/// </summary>
public static class ModeCommands
{
    public static readonly Argument<string?> Device = new("DEVICE-ARN") { Description = "MFA device ARN (default: mfa_serial, else your only/first device)", Arity = ArgumentArity.ZeroOrOne };
    public static readonly Argument<string?> Account = new("ACCOUNT") { Description = "12-digit id, account name, or a unique prefix; omit for a picker", Arity = ArgumentArity.ZeroOrOne };
    public static readonly Argument<string?> Role = new("ROLE") { Description = "Role name, path/name or ARN (default: OrganizationAccountAccessRole)", Arity = ArgumentArity.ZeroOrOne };

    public delegate Task<int> ModeAction(Invocation invocation, ParseResult result, CancellationToken ct);

    public static Command Mfa(string description, ModeAction action, params Symbol[] extra)
    {
        var cmd = new Command("mfa", description) { Device }.With(CommonOptions.Making);
        Add(cmd, extra);
        cmd.SetAction((r, ct) => action(ReadMfa(r), r, ct));
        return cmd;
    }

    public static Command Pose(string description, ModeAction action, params Symbol[] extra)
    {
        var cmd = new Command("pose", description) { Account, Role, CommonOptions.SessionName, CommonOptions.ExternalId, CommonOptions.AccountsTtl }.With(CommonOptions.Making);
        Add(cmd, extra);
        cmd.SetAction((r, ct) => action(ReadPose(r), r, ct));
        return cmd;
    }

    public static Invocation ReadMfa(ParseResult r) =>
        ModeInput.Read(ModeInput.Mfa(r.GetResult(Device) is not null ? r.GetValue(Device) : null), CommonOptions.Read(r));

    /// <summary>A parent command with no mode word means mfa, with no device argument.</summary>
    public static Invocation ReadMfaDefault(ParseResult r) => ModeInput.Read(new MfaMode(), CommonOptions.Read(r));

    public static Invocation Read(Mode mode, ParseResult r) => ModeInput.Read(mode, CommonOptions.Read(r));

    /// <summary>Every check that can fail runs here, so bad input exits 2 before any call.</summary>
    public static Invocation ReadPose(ParseResult r) =>
        ModeInput.Read(ModeInput.Pose(r.GetValue(Account), r.GetValue(Role), r.GetValue(CommonOptions.SessionName), r.GetValue(CommonOptions.ExternalId)),
            CommonOptions.Read(r));

    private static void Add(Command cmd, Symbol[] extra)
    {
        foreach (var s in extra)
        {
            switch (s)
            {
                case Argument a:
                    cmd.Arguments.Add(a);
                    break;
                case Option o:
                    cmd.Options.Add(o);
                    break;
            }
        }
    }
}
