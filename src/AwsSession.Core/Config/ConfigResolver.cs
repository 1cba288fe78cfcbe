using System.Globalization;
using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>
/// Resolves flags + environment + profiles into a <see cref="ResolvedConfig"/>, the way the AWS CLI would:
/// an explicit --profile wins; otherwise environment keys; otherwise AWS_PROFILE; otherwise "default".
/// Session lengths follow <see cref="SessionLengths"/>. No network, no prompts: pure, and unit-tested with fakes.
/// </summary>
public sealed class ConfigResolver(EnvironmentVariables env, IProfileStore profiles)
{
    public ResolvedConfig Resolve(Invocation invocation)
    {
        // A bad -d fails before any file is read, whoever built the invocation.
        invocation = invocation with { Options = invocation.Options with { Duration = SessionLengths.Requested(invocation.Mode, invocation.Options.Duration) } };
        var serving = invocation.Options.ForCredentialProcess ? GuardNesting(invocation.Options) : null;
        var config = Read(invocation);
        return config with
        {
            CredentialProcessProfile = serving,
            MfaSerial = invocation.Mode is MfaMode { DeviceArn: { } device } ? device : config.MfaSerial,
            MfaDuration = SessionLengths.Mfa(invocation, config.ProfileRoles.Count > 0),
            RoleDuration = SessionLengths.Pose(invocation),
        };
    }

    private ResolvedConfig Read(Invocation invocation)
    {
        var options = invocation.Options;
        var explicitProfile = options.Profile;
        var envKey = env.Get("AWS_ACCESS_KEY_ID");
        var envSecret = env.Get("AWS_SECRET_ACCESS_KEY");

        if (explicitProfile is null && envKey is not null && envSecret is not null)
            return FromEnvironment(options, envKey, envSecret);

        var fromEnvironment = explicitProfile is null ? env.Get("AWS_PROFILE") ?? env.Get("AWS_DEFAULT_PROFILE") : null;
        var name = explicitProfile ?? fromEnvironment ?? "default";
        var profile = profiles.Find(name);
        if (fromEnvironment is not null && profile is not null && RunsAwsSession(profile))
        {
            // SDKs run credential_process with the caller's environment: under AWS_PROFILE=prod, the aws-session that
            // prod's credential_process starts sees AWS_PROFILE=prod. That names the profile being resolved, not a source.
            name = "default";
            profile = profiles.Find(name);
        }
        if (profile is null)
        {
            if (explicitProfile is not null || name != "default")
                throw new UsageException($"profile '{ErrorText.Printable(name)}' not found in the AWS config or credentials file",
                    explicitProfile is null ? "AWS_PROFILE names it; unset it or add the profile" : "check the name with: aws configure list-profiles");
            throw new AwsSessionException("no AWS credentials found",
                hint: "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add keys to [default] in ~/.aws/credentials, or pass --profile");
        }

        var roles = new List<ProfileRole>();
        string? mfaSerial = null, mfaProcess = null, mfaPrompt = null, ykmanAccount = null;
        var promptProfile = profile.Name;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = profile;
        var fromEnvironmentVariables = false;
        while (true)
        {
            if (!seen.Add(current.Name))
                throw new AwsSessionException($"profile '{current.Name}' is its own source_profile (a loop)", hint: "fix source_profile in ~/.aws/config");
            mfaSerial ??= current.MfaSerial;
            mfaProcess ??= current.MfaProcess;
            if (mfaPrompt is null && current.MfaPrompt is not null)
                (mfaPrompt, promptProfile) = (current.MfaPrompt, current.Name);
            ykmanAccount ??= current.MfaYkmanAccount;
            GuardCredentialProcess(current);

            if (current.RoleArn is null)
                break;
            roles.Insert(0, new ProfileRole(current.Name, current.RoleArn, current.ExternalId, current.RoleSessionName,
                SessionLengths.ProfileRole(invocation, current.Name, current.DurationSeconds)) { Attributes = SessionAttributeKeys.Read(current) });
            if (CredentialSourceIsEnvironment(current))
            {
                fromEnvironmentVariables = true;
                break;
            }
            if (current.SourceProfile is null)
                throw new AwsSessionException($"profile '{current.Name}' has role_arn but no source_profile", hint: "aws-session needs a source_profile with long-lived keys");
            current = profiles.Find(current.SourceProfile)
                ?? throw new UsageException($"profile '{current.Name}': source_profile '{current.SourceProfile}' not found", "fix source_profile in ~/.aws/config, or add that profile");
        }

        BaseCredentials keys;
        SessionIdentity? identity = null;
        if (fromEnvironmentVariables)
        {
            var key = env.Get("AWS_ACCESS_KEY_ID");
            var secret = env.Get("AWS_SECRET_ACCESS_KEY");
            if (key is null || secret is null)
                throw new AwsSessionException($"profile '{ErrorText.Printable(current.Name)}' has credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not both set",
                    hint: "export the keys the role is assumed with, or use source_profile");
            (var credentials, identity) = EnvironmentCredentials(key, secret);
            keys = new BaseCredentials(credentials, $"environment (credential_source of profile '{ErrorText.Printable(current.Name)}')", current.Name);
        }
        else
        {
            if (!current.HasKeys && SsoResolution.For(current, profiles) is { } sso)
            {
                return new ResolvedConfig
                {
                    ProfileName = name,
                    Sso = sso,
                    Region = RegionFrom(options) ?? profile.Region ?? current.Region,
                    Reach = AwsReach.Resolve(env, profile, profiles),
                    ProfileRoles = roles,
                };
            }

            if (!current.HasKeys)
                throw new AwsSessionException($"profile '{current.Name}' has no aws_access_key_id and aws_secret_access_key",
                    hint: "add the keys to ~/.aws/credentials, or pass --profile NAME for a profile that has them");
            keys = new BaseCredentials(new AwsCredentials(current.AccessKeyId!, current.SecretAccessKey!, current.SessionToken), $"profile '{current.Name}'", current.Name);
        }

        return new ResolvedConfig
        {
            ProfileName = name,
            Base = keys,
            EnvironmentIdentity = identity,
            Region = RegionFrom(options) ?? ProfileRegion(profile),
            Reach = AwsReach.Resolve(env, profile, profiles),
            MfaSerial = mfaSerial,
            MfaProcess = options.MfaProcess ?? mfaProcess,
            MfaPrompt = PromptFrom(options, mfaPrompt, promptProfile),
            YkmanAccount = ykmanAccount,
            ProfileRoles = roles,
        };
    }

    private ResolvedConfig FromEnvironment(SessionOptions options, string key, string secret)
    {
        // A profile may still supply mfa_serial, mfa_process and region for environment keys, as it does for the CLI.
        var name = env.Get("AWS_PROFILE") ?? env.Get("AWS_DEFAULT_PROFILE") ?? "default";
        var profile = SafeFind(name);
        var (credentials, identity) = EnvironmentCredentials(key, secret);
        return new ResolvedConfig
        {
            ProfileName = name,
            Base = new BaseCredentials(credentials, "environment", name),
            EnvironmentIdentity = identity,
            Region = RegionFrom(options) ?? (profile is null ? null : ProfileRegion(profile)),
            Reach = AwsReach.Resolve(env, profile, profiles),
            MfaSerial = profile?.MfaSerial,
            MfaProcess = options.MfaProcess ?? profile?.MfaProcess,
            MfaPrompt = PromptFrom(options, profile?.MfaPrompt, name),
            YkmanAccount = profile?.MfaYkmanAccount,
        };
    }

    /// <summary>The keys in the environment, with the session's token, expiration and aws-session's marker when it is a session.</summary>
    private (AwsCredentials Credentials, SessionIdentity? Identity) EnvironmentCredentials(string key, string secret)
    {
        var token = env.Get("AWS_SESSION_TOKEN") ?? env.Get("AWS_SECURITY_TOKEN");
        if (token is null)
            return (new AwsCredentials(key, secret), null);
        // ISO 8601 as every AWS tool writes it; a time without an offset is UTC, never this machine's zone. Read only
        // when there is one to read: the invariant culture's first use costs a cache hit that has none.
        var expiration = env.Get(ChildEnvironmentNames.Expiration) is { } time
            && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e) ? e : (DateTimeOffset?)null;
        var identity = env.Get(ChildEnvironmentNames.Identity) is { } marker ? SessionIdentity.Parse(marker) : null;
        return (new AwsCredentials(key, secret, token, expiration), identity);
    }

    private ProfileSettings? SafeFind(string name)
    {
        try
        {
            return profiles.Find(name);
        }
        catch (AwsSessionException e) when (e is not UsageException)
        {
            // With keys in the environment a broken config file is not needed; the CLI ignores it too. A value that
            // is wrong (a region) is still a usage error: the SDK would trip over it later.
            return null;
        }
    }

    /// <summary>--prompt, else AWS_SESSION_PROMPT (empty counts as unset), else the profile's mfa_prompt.</summary>
    private MfaPrompt? PromptFrom(SessionOptions options, string? profileValue, string profile) =>
        options.Prompt
        ?? (env.Get(MfaPrompts.Variable) is { } variable ? MfaPrompts.Parse(variable, MfaPrompts.Variable)
            : profileValue is null ? null : MfaPrompts.Parse(profileValue, $"profile '{ErrorText.Printable(profile)}': mfa_prompt"));

    /// <summary>An empty variable counts as unset (as for the AWS CLI); an empty --region is an error.</summary>
    private string? RegionFrom(SessionOptions options) =>
        options.Region is { } flag ? Validation.Region(flag, "--region")
        : env.Get("AWS_REGION") is { } region ? Validation.Region(region, "AWS_REGION")
        : env.Get("AWS_DEFAULT_REGION") is { } fallback ? Validation.Region(fallback, "AWS_DEFAULT_REGION")
        : null;

    private static string? ProfileRegion(ProfileSettings p) => p.Region is { } r ? Validation.Region(r, $"profile '{p.Name}': region") : null;

    /// <summary>A profile whose credentials come from aws-session's own credential-process.</summary>
    private static bool RunsAwsSession(ProfileSettings p) =>
        p.CredentialProcess is { } process && !p.HasKeys && p.RoleArn is null && process.Contains("aws-session", StringComparison.Ordinal);

    /// <summary>
    /// A credential-process started by another one's mfa_process (it sees the marker the outer one handed on) means
    /// the credential source leads back to aws-session, which would wait on its own cache lock.
    /// </summary>
    private string GuardNesting(SessionOptions options)
    {
        var profile = options.Profile ?? env.Get("AWS_PROFILE") ?? "default";
        if (env.Get(ChildEnvironmentNames.CredentialProcess) is { } outer)
            throw new AwsSessionException(
                $"credential-process for profile '{ErrorText.Printable(outer)}' started credential-process again (for '{ErrorText.Printable(profile)}'); that would loop",
                hint: "mfa_process must not call aws-session, nor use a profile whose credential_process is aws-session");
        return profile;
    }

    /// <summary>
    /// A role profile's credential_source, as botocore reads it: Environment takes the keys in the environment as the
    /// source; the instance and container sources are a machine's, not a person's, and are refused by name.
    /// </summary>
    private static bool CredentialSourceIsEnvironment(ProfileSettings p)
    {
        if (p.CredentialSource is not { } source)
            return false;
        var where = $"profile '{ErrorText.Printable(p.Name)}'";
        if (p.SourceProfile is not null)
            throw new UsageException($"{where} has both source_profile and credential_source; only one of them can be its source", "remove one of them from ~/.aws/config");
        return source switch
        {
            "Environment" => true,
            "Ec2InstanceMetadata" or "EcsContainer" => throw new UsageException($"{where}: credential_source {source} is not supported by aws-session",
                "use Environment or a source_profile with long-lived keys"),
            _ => throw new UsageException($"{where}: credential_source must be Environment, Ec2InstanceMetadata or EcsContainer", "fix it in ~/.aws/config"),
        };
    }

    /// <summary>A profile whose own credentials come from a process cannot be the base, least of all aws-session itself.</summary>
    private static void GuardCredentialProcess(ProfileSettings p)
    {
        if (p.CredentialProcess is null || p.HasKeys || p.RoleArn is not null)
            return;
        if (RunsAwsSession(p))
            throw new AwsSessionException($"profile '{p.Name}' gets its credentials from aws-session itself, so it cannot be aws-session's source",
                hint: "pass --profile with the profile that holds the long-lived keys");
        throw new AwsSessionException($"profile '{p.Name}' uses credential_process; aws-session needs long-lived keys as its base",
            hint: "pass --profile with a profile that has aws_access_key_id");
    }
}
