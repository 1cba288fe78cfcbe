namespace AwsSession.Cli.Completion;

/// <summary>
/// Profile names, read by the shell from the same files the tool reads ([profile NAME] and [default] in the config
/// file, [NAME] in the credentials file, AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE honoured).
/// sed is fast enough for a TAB press, where starting the tool would not be.
/// </summary>
public static class ShellProfiles
{
    public const string ConfigSed = @"s/^[[:space:]]*\[[[:space:]]*\(profile[[:space:]]\{1,\}\)\{0,1\}\([^][:space:]]\{1,\}\)[[:space:]]*\].*$/\2/p";
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
}
