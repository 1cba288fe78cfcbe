using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal.Util;
using AwsSession.Domain;
using AwsSession.Platform;

namespace AwsSession.Config;

/// <summary>
/// Profiles from ~/.aws/credentials and ~/.aws/config, parsed by AWSSDK.Core (honours AWS_SHARED_CREDENTIALS_FILE
/// and AWS_CONFIG_FILE). The SDK does not expose mfa_process, mfa_prompt, mfa_ykman_account and duration_seconds, so those keys are read from
/// the SDK's own INI reader. Files are parsed once, on first use: a cache hit for `exec` with env keys never pays for it.
/// </summary>
public sealed partial class SharedProfileStore(EnvironmentVariables env) : IProfileStore
{
    private SharedCredentialsFile? _file;
    private ProfileIniFile? _config;

    public string ConfigPath => env.Get("AWS_CONFIG_FILE") ?? Path.Combine(env.Home, ".aws", "config");

    public string CredentialsPath => env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(env.Home, ".aws", "credentials");

    public ProfileSettings? Find(string name)
    {
        Load();
        CredentialProfile? profile;
        try
        {
            if (!_file!.TryGetProfile(name, out profile))
                return null;
        }
        catch (AmazonClientException)
        {
            // The SDK refuses some values (a region with a blank) with a message that may quote the file.
            if (Extra(name).GetValueOrDefault("region") is { } region)
                Validation.Region(region, $"profile '{ErrorText.Printable(name)}': region");
            throw new AwsSessionException($"cannot read profile '{ErrorText.Printable(name)}' from the AWS config or credentials file", hint: "check its values");
        }

        var o = profile.Options;
        var extra = Extra(name);
        return new ProfileSettings(name)
        {
            AccessKeyId = Blank(o.AccessKey),
            SecretAccessKey = Blank(o.SecretKey),
            SessionToken = Blank(o.Token),
            Region = profile.Region?.SystemName,
            MfaSerial = Blank(o.MfaSerial),
            MfaProcess = extra.GetValueOrDefault("mfa_process"),
            MfaPrompt = Blank(extra.GetValueOrDefault("mfa_prompt")),
            MfaYkmanAccount = Blank(extra.GetValueOrDefault("mfa_ykman_account")),
            RoleArn = Blank(o.RoleArn),
            SourceProfile = Blank(o.SourceProfile),
            ExternalId = Blank(o.ExternalID),
            RoleSessionName = Blank(o.RoleSessionName),
            CredentialProcess = Blank(o.CredentialProcess),
            DurationSeconds = ParseDuration(name, extra.GetValueOrDefault("duration_seconds")),
            SsoSession = Blank(extra.GetValueOrDefault("sso_session")),
            SsoStartUrl = Blank(extra.GetValueOrDefault("sso_start_url")),
            SsoRegion = Blank(extra.GetValueOrDefault("sso_region")),
            SsoAccountId = Blank(extra.GetValueOrDefault("sso_account_id")),
            SsoRoleName = Blank(extra.GetValueOrDefault("sso_role_name")),
        };
    }

    public IReadOnlyDictionary<string, string>? FindSsoSession(string name)
    {
        Load();
        return _config is not null && _config.TryGetSection(name, true, false, out var props, out _) ? props : null;
    }

    public IReadOnlyList<string> SsoSessionNames()
    {
        Load();
        return (_config?.ListSectionNames() ?? []).Where(IsSsoSession).Select(n => n[SsoSessionPrefix.Length..].Trim()).Order().ToList();
    }

    private const string SsoSessionPrefix = "sso-session ";

    private static bool IsSsoSession(string section) => section.StartsWith(SsoSessionPrefix, StringComparison.Ordinal);

    /// <summary>
    /// The AWS SDK opens these files by path on its own (for region, endpoint and retry settings) as soon as it builds a
    /// client: a FIFO or device there would block that open forever. So they are checked before anything runs.
    /// </summary>
    public void RequireRegularFiles()
    {
        try
        {
            RegularFiles.RequireRegularIfPresent(CredentialsPath);
            RegularFiles.RequireRegularIfPresent(ConfigPath);
        }
        catch (NotRegularFileException e)
        {
            throw new AwsSessionException(e.Message, hint: "AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE must name regular files (or links to them)");
        }
    }

    private void Load()
    {
        if (_file is not null)
            return;
        try
        {
            _file = new SharedCredentialsFile(CredentialsPath);
            _config = File.Exists(ConfigPath) ? new ProfileIniFile(ConfigPath, profileMarkerRequired: false) : null;
        }
        catch (InvalidDataException e)
        {
            // The SDK's message quotes the offending line, which may be a secret (`aws_secret_access_key: ...`):
            // only the file and the line number are passed on, and the exception is not kept (--debug prints inner ones).
            throw new AwsSessionException($"malformed AWS config: {Where(e.Message)} is not a section, a key = value or a comment",
                hint: "fix that line (its content is not shown: it may hold a secret)");
        }
    }

    /// <summary>"line N of FILE" from the SDK's "Line N:&lt;...&gt; in file FILE does not ...", naming only files we know.</summary>
    private string Where(string sdkMessage)
    {
        var line = LineNumber().Match(sdkMessage) is { Success: true } m ? $"line {m.Groups[1].Value}" : "a line";
        // The file name follows the quoted line, so only the last " in file " is the SDK's own text.
        var tail = sdkMessage[(sdkMessage.LastIndexOf(" in file ", StringComparison.Ordinal) + 1)..];
        var file = new[] { CredentialsPath, ConfigPath }.FirstOrDefault(p => tail.StartsWith($"in file {p} ", StringComparison.Ordinal));
        return $"{line} of {file ?? "the AWS credentials or config file"}";
    }

    [GeneratedRegex("^Line ([0-9]{1,9}):")]
    private static partial Regex LineNumber();

    private Dictionary<string, string> Extra(string name) =>
        _config is not null && _config.TryGetSection(name, false, false, out var props, out _) ? props : [];

    private static int? ParseDuration(string profile, string? value) =>
        value is null ? null
        : int.TryParse(value, out var s) && s > 0 ? s
        : throw new AwsSessionException($"profile '{profile}': duration_seconds '{ErrorText.Printable(value)}' is not a number of seconds", hint: "e.g. duration_seconds = 3600");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
