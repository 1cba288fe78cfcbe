using System.CommandLine;
using AwsSession.Application;
using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Cli.Commands;

/// <summary>`add`, `remove`, `list`, `rotate`: an IAM user's long-lived keys in a secret store instead of ~/.aws/credentials.</summary>
public static class KeyCommands
{
    private const string BackendHelp = "secret-service, pass, file, keychain or plaintext (default: AWS_SESSION_BACKEND, aws_session_backend in the profile's config, else the platform's store for add and plaintext otherwise)";

    private static Option<string?> BackendOption() => new("--backend") { Description = BackendHelp, HelpName = "STORE" };

    private static Argument<string> ProfileArgument() => new("PROFILE") { Description = "The profile the key belongs to (e.g. default)" };

    public static Command Add(Func<bool, ToolContext> contexts)
    {
        var profile = ProfileArgument();
        var backend = BackendOption();
        var fromEnv = new Option<bool>("--from-env") { Description = "Take the key from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY" };
        var fromFile = new Option<bool>("--from-credentials-file") { Description = "Take the profile's key from ~/.aws/credentials" };
        var removePlaintext = new Option<bool>("--remove-plaintext") { Description = "With --from-credentials-file: then delete those two lines (a 0600 backup is kept until GetCallerIdentity accepts the stored key)" };
        var cmd = new Command("add", """
            Store a profile's long-lived IAM key in a secret store. Without --from-*, asks on the terminal (the secret is
            not shown). The profile's aws_session_backend in ~/.aws/config is set, so every later run reads the key there.

            Examples:
              aws-session add default --from-credentials-file --remove-plaintext
              aws-session add work --backend pass
              aws-session add ci --from-env --backend file
            """) { profile, backend, fromEnv, fromFile, removePlaintext };
        cmd.SetAction(async (r, ct) =>
        {
            if (r.GetValue(fromEnv) && r.GetValue(fromFile))
                throw new UsageException("--from-env and --from-credentials-file exclude each other");
            var origin = r.GetValue(fromEnv) ? KeyOrigin.Environment : r.GetValue(fromFile) ? KeyOrigin.CredentialsFile : KeyOrigin.Prompt;
            var context = contexts(r.GetValue(CommonOptions.Debug));
            await new KeyService(context).AddAsync(r.GetValue(profile)!, origin, r.GetValue(backend), r.GetValue(removePlaintext), ct);
            return 0;
        });
        return cmd;
    }

    public static Command Remove(Func<bool, ToolContext> contexts)
    {
        var profile = ProfileArgument();
        var backend = BackendOption();
        var cmd = new Command("remove", "Delete a profile's stored key from its secret store (the key stays valid in IAM).") { profile, backend };
        cmd.SetAction(async (r, ct) =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            return await new KeyService(context).RemoveAsync(r.GetValue(profile)!, r.GetValue(backend), ct) ? 0 : ExitCodes.Failure;
        });
        return cmd;
    }

    public static Command Rotate(Func<bool, ToolContext> contexts)
    {
        var profile = ProfileArgument();
        var backend = BackendOption();
        var cmd = new Command("rotate", """
            Replace a profile's stored key with a new one: CreateAccessKey, store it, wait until STS accepts it, then
            DeleteAccessKey the old one, with the profile's MFA session (cached, or one code). If a step fails, the store
            keeps a working key and the error says which key is stored and which exist in IAM.

            Examples:
              aws-session rotate default
              aws-session rotate work -t 123456
            """) { profile, backend };
        // PROFILE names the profile here, so --profile would be a second way to say it.
        cmd.With(CommonOptions.Making.Where(o => o != CommonOptions.Profile));
        cmd.SetAction(async (r, ct) =>
        {
            var options = CommonOptions.Read(r) with { Profile = r.GetValue(profile) };
            var context = contexts(options.Debug);
            await new RotateService(context).RotateAsync(options, r.GetValue(backend), ct);
            return 0;
        });
        return cmd;
    }

    public static Command List(Func<bool, ToolContext> contexts)
    {
        var backend = BackendOption();
        var json = new Option<bool>("--json") { Description = "JSON output (default when stdout is not a terminal)" };
        var cmd = new Command("list", "List the stored keys: profile, store, masked key id, age. Never shows a secret.") { backend, json };
        cmd.SetAction(async (r, ct) =>
        {
            var context = contexts(r.GetValue(CommonOptions.Debug));
            var keys = await new KeyService(context).ListAsync(r.GetValue(backend), ct);
            var now = context.Time.GetUtcNow();
            var rows = keys.Select(k => new[]
            {
                k.Profile, k.Backend, Masking.AccessKeyId(k.AccessKeyId),
                k.Created is { } c && c > DateTimeOffset.UnixEpoch ? Output.Digits.Iso(c) : "",
                k.Created is { } a && a > DateTimeOffset.UnixEpoch ? Age(now - a) : "unknown",
            }).ToList();
            await Tables.WriteAsync(context, r.GetValue(json), ["profile", "backend", "access_key_id", "stored", "age"], rows, "no stored keys", ct);
            return 0;
        });
        return cmd;
    }

    private static string Age(TimeSpan t) =>
        t.TotalDays >= 1 ? $"{(int)t.TotalDays}d" : t.TotalHours >= 1 ? $"{(int)t.TotalHours}h" : $"{Math.Max(0, (int)t.TotalMinutes)}m";
}
