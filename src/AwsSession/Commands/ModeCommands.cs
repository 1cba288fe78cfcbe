using System.CommandLine;
using AwsSession.Accounts;
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
        Read(new MfaMode(r.GetResult(Device) is not null && r.GetValue(Device) is { } d ? Validation.DeviceArn(d) : null), r);

    /// <summary>A parent command with no mode word means mfa, with no device argument.</summary>
    public static Invocation ReadMfaDefault(ParseResult r) => Read(new MfaMode(), r);

    /// <summary>The options for a mode, with -d checked against the mode's range before any config is read.</summary>
    public static Invocation Read(Mode mode, ParseResult r)
    {
        var options = CommonOptions.Read(r);
        options = options with { Duration = SessionLengths.Requested(mode, options.Duration) };
        CheckMinTtl(options, options.Duration ?? (mode is PoseMode ? Durations.RoleDefault : Durations.MfaDefault));
        return new(mode, options);
    }

    /// <summary>A session never has more left than its duration: a margin that large would make a new one on every run.</summary>
    private static void CheckMinTtl(SessionOptions options, TimeSpan duration)
    {
        if (options.MinTtl >= duration)
            throw new Domain.UsageException($"--min-ttl {Durations.Format(options.MinTtl)} is not shorter than the session ({Durations.Format(duration)}): no session could ever be reused",
                "give a smaller --min-ttl (default 5m) or a longer -d");
    }

    /// <summary>Every check that can fail runs here, so bad input exits 2 before any call.</summary>
    public static Invocation ReadPose(ParseResult r)
    {
        var account = r.GetValue(Account);
        var role = r.GetValue(Role);
        if (account is { Length: 0 })
            throw new Domain.UsageException("ACCOUNT is empty", "give an account id, name or prefix, or omit it for the picker");
        if (account is not null && RoleArns.IsArn(account))
            RoleArns.Parse(account);
        var mode = new PoseMode(
            account,
            role is null ? null : RoleArns.Check(role),
            r.GetValue(CommonOptions.SessionName) is { } s ? Validation.SessionName(s) : null,
            r.GetValue(CommonOptions.ExternalId) is { } e ? Validation.ExternalId(e) : null);
        return Read(mode, r);
    }

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
