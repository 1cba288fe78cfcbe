namespace AwsSession.Cli.Completion;

/// <summary>
/// Profile names, read by the shell from the same files the tool reads ([profile NAME] and [default] in the config
/// file, [NAME] in the credentials file, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured), and sso-session
/// names ([sso-session NAME] in the config file). sed is fast enough for a TAB press, where starting the tool would
/// not be. Both are data to the scripts: never expanded, quoted when inserted.
/// </summary>
public static class ShellProfiles
{
    public const string ConfigSed = @"s/^[[:space:]]*\[[[:space:]]*\(profile[[:space:]]\{1,\}\)\{0,1\}\([^][:space:]]\{1,\}\)[[:space:]]*\].*$/\2/p";
    public const string SsoSessionSed = @"s/^[[:space:]]*\[[[:space:]]*sso-session[[:space:]]\{1,\}\([^][:space:]]\{1,\}\)[[:space:]]*\].*$/\1/p";
    public const string CredentialsSed = @"s/^[[:space:]]*\[[[:space:]]*\([^][:space:]]\{1,\}\)[[:space:]]*\].*$/\1/p";

    /// <summary>A bash/zsh function printing one profile name a line.</summary>
    public static string Posix(string function) => $$"""
        {{function}}() {
            local config=${AWS_CONFIG_FILE:-$HOME/.aws/config} credentials=${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}
            {
                [[ -r $config ]] && sed -n '{{ConfigSed}}' "$config"
                [[ -r $credentials ]] && sed -n '{{CredentialsSed}}' "$credentials"
            } 2>/dev/null | sort -u
        }

        """;

    /// <summary>A bash/zsh function printing one sso-session name a line.</summary>
    public static string PosixSsoSessions(string function) => $$"""
        {{function}}() {
            local config=${AWS_CONFIG_FILE:-$HOME/.aws/config}
            [[ -r $config ]] && sed -n '{{SsoSessionSed}}' "$config" 2>/dev/null | sort -u
        }

        """;
}
