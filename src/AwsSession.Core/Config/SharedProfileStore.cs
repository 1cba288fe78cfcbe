using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Config;

/// <summary>
/// Profiles from ~/.aws/credentials and ~/.aws/config (AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE honoured), as the
/// AWS CLI reads them: `[profile NAME]` (or `[default]`) in the config, `[NAME]` in the credentials file, whose keys win
/// where both have one; `[sso-session NAME]` in the config. Each file is opened and read once per run, on first use,
/// and parsed by <see cref="IniFile"/> (not the SDK's reader, which re-read the files on every lookup and quotes the
/// offending line, a possible secret, in its errors).
/// </summary>
public sealed class SharedProfileStore(EnvironmentVariables env) : IProfileStore
{
    private (string? Credentials, string? Config)? _text;
    private (IniFile Credentials, IniFile Config)? _files;

    public string ConfigPath => env.Get("AWS_CONFIG_FILE") ?? Path.Combine(env.Home, ".aws", "config");

    public string CredentialsPath => env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(env.Home, ".aws", "credentials");

    public ProfileSettings? Find(string name)
    {
        var (credentials, config) = Files();
        var fromConfig = config.Section(name == "default" && config.Section("default") is not null ? "default" : ProfilePrefix + name);
        var fromCredentials = credentials.Section(name);
        if (fromConfig is null && fromCredentials is null)
            return null;
        string? Raw(string key) => fromCredentials is not null && fromCredentials.TryGetValue(key, out var c) ? c : fromConfig?.GetValueOrDefault(key);
        string? Get(string key) => string.IsNullOrWhiteSpace(Raw(key)) ? null : Raw(key);
        return new ProfileSettings(name)
        {
            AccessKeyId = Get("aws_access_key_id"),
            SecretAccessKey = Get("aws_secret_access_key"),
            SessionToken = Get("aws_session_token"),
            Region = Get("region"),
            MfaSerial = Get("mfa_serial"),
            // An empty mfa_process is kept: it says "no process" rather than "not set".
            MfaProcess = Raw("mfa_process"),
            MfaPrompt = Get("mfa_prompt"),
            MfaYkmanAccount = Get("mfa_ykman_account"),
            RoleArn = Get("role_arn"),
            SourceProfile = Get("source_profile"),
            CredentialSource = Get("credential_source"),
            ExternalId = Get("external_id"),
            RoleSessionName = Get("role_session_name"),
            SourceIdentity = Get("source_identity"),
            SessionTags = Get("session_tags"),
            TransitiveSessionTags = Get("transitive_session_tags"),
            CredentialProcess = Get("credential_process"),
            DurationSeconds = ParseDuration(name, Get("duration_seconds")),
            SsoSession = Get("sso_session"),
            SsoStartUrl = Get("sso_start_url"),
            SsoRegion = Get("sso_region"),
            SsoAccountId = Get("sso_account_id"),
            SsoRoleName = Get("sso_role_name"),
            CaBundle = Get("ca_bundle"),
            EndpointUrl = Get("endpoint_url"),
            Services = Get("services"),
            IgnoreConfiguredEndpointUrls = Get("ignore_configured_endpoint_urls"),
            UseFipsEndpoint = Get("use_fips_endpoint"),
            UseDualstackEndpoint = Get("use_dualstack_endpoint"),
            SessionBackend = string.IsNullOrWhiteSpace(fromConfig?.GetValueOrDefault(ProfileSettings.SessionBackendKey)) ? null : fromConfig[ProfileSettings.SessionBackendKey],
        };
    }

    public IReadOnlyDictionary<string, string>? FindSsoSession(string name) => Files().Config.Section(SsoSessionPrefix + name);

    public IReadOnlyDictionary<string, string>? FindServices(string name)
    {
        var config = Files().Config;
        if (config.Section(ServicesPrefix + name) is not { } section)
            return null;
        var endpoints = new Dictionary<string, string>(IniLines.KeyNames);
        foreach (var service in section.Keys)
        {
            if (config.Nested(ServicesPrefix + name, service)?.GetValueOrDefault("endpoint_url") is { Length: > 0 } url)
                endpoints[service] = url;
        }
        return endpoints;
    }

    public IReadOnlyList<string> SsoSessionNames() =>
        Files().Config.SectionNames.Where(n => n.StartsWith(SsoSessionPrefix, StringComparison.Ordinal)).Select(n => n[SsoSessionPrefix.Length..].Trim()).Order().ToList();

    private const string ProfilePrefix = "profile ";
    private const string SsoSessionPrefix = "sso-session ";
    private const string ServicesPrefix = "services ";

    /// <summary>
    /// The AWS SDK opens these files by path on its own (for region, endpoint and retry settings) as soon as it builds a
    /// client: a FIFO or device there would block that open forever. So they are checked (and read: the same open)
    /// before anything runs; a malformed file still fails only where a profile is needed.
    /// </summary>
    public void RequireRegularFiles() => Text();

    private (string? Credentials, string? Config) Text()
    {
        if (_text is { } text)
            return text;
        try
        {
            return (_text = (Read(CredentialsPath), Read(ConfigPath))).Value;
        }
        catch (NotRegularFileException e)
        {
            throw new AwsSessionException(e.Message, hint: "AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE must name regular files (or links to them)");
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return RegularFiles.ReadTextIfPresent(path);
        }
        catch (IOException e) when (e is not NotRegularFileException)
        {
            throw new AwsSessionException($"cannot read {path}: {ErrorText.Outside(e.Message)}", hint: "check the file's permissions");
        }
    }

    private (IniFile Credentials, IniFile Config) Files()
    {
        if (_files is { } files)
            return files;
        var (credentials, config) = Text();
        return (_files = (Parse(credentials, CredentialsPath), Parse(config, ConfigPath))).Value;
    }

    private static IniFile Parse(string? text, string path)
    {
        try
        {
            return text is null ? IniFile.Empty : IniFile.Parse(text);
        }
        catch (MalformedIniException e)
        {
            // Only the file and the line number: the line itself may be a secret (`aws_secret_access_key: ...`).
            throw new AwsSessionException($"malformed AWS config: line {e.LineNumber} of {path} is not a section, a key = value or a comment",
                hint: "fix that line (its content is not shown: it may hold a secret)");
        }
    }

    private static int? ParseDuration(string profile, string? value) =>
        value is null ? null
        : int.TryParse(value, out var s) && s > 0 ? s
        : throw new AwsSessionException($"profile '{profile}': duration_seconds '{ErrorText.Printable(value)}' is not a number of seconds", hint: "e.g. duration_seconds = 3600");
}
