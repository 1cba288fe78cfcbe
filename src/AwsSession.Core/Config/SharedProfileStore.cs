using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Internal.Util;
using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>
/// Profiles from ~/.aws/credentials and ~/.aws/config, parsed by AWSSDK.Core (honours AWS_SHARED_CREDENTIALS_FILE
/// and AWS_CONFIG_FILE). The SDK does not expose mfa_process and duration_seconds, so those two keys are read from
/// the SDK's own INI reader. Files are parsed once, on first use: a cache hit for `exec` with env keys never pays for it.
/// </summary>
public sealed class SharedProfileStore(EnvironmentVariables env) : IProfileStore
{
    private SharedCredentialsFile? _file;
    private ProfileIniFile? _config;

    public string ConfigPath => env.Get("AWS_CONFIG_FILE") ?? Path.Combine(env.Home, ".aws", "config");

    public string CredentialsPath => env.Get("AWS_SHARED_CREDENTIALS_FILE") ?? Path.Combine(env.Home, ".aws", "credentials");

    public ProfileSettings? Find(string name)
    {
        Load();
        if (!_file!.TryGetProfile(name, out var profile))
            return null;

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
            RoleArn = Blank(o.RoleArn),
            SourceProfile = Blank(o.SourceProfile),
            ExternalId = Blank(o.ExternalID),
            RoleSessionName = Blank(o.RoleSessionName),
            CredentialProcess = Blank(o.CredentialProcess),
            DurationSeconds = ParseDuration(name, extra.GetValueOrDefault("duration_seconds")),
        };
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
            // The SDK's message names the file and the line; that is exactly what the person needs.
            throw new AwsSessionException($"malformed AWS config: {e.Message.ReplaceLineEndings(" ")}", hint: "fix or move the file named above");
        }
    }

    private Dictionary<string, string> Extra(string name) =>
        _config is not null && _config.TryGetSection(name, false, false, out var props, out _) ? props : [];

    private static int? ParseDuration(string profile, string? value) =>
        value is null ? null
        : int.TryParse(value, out var s) && s > 0 ? s
        : throw new AwsSessionException($"profile '{profile}': duration_seconds '{value}' is not a number of seconds", hint: "e.g. duration_seconds = 3600");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
