namespace AwsSession.Config;

/// <summary>
/// The shared config file with everything that names, holds or leads to credentials taken out, for the child of
/// `exec --server`: every SDK ranks a profile's credentials above the container endpoint, so a config that still had
/// them would silently hand the child another identity. What stays is what the child needs to behave as before:
/// region, endpoint_url, ca_bundle, retries, s3 and services settings, output, and the like. The filter reads lines,
/// not a parsed model, so no malformed line can stop it; what it cannot classify (and every comment) is dropped.
/// </summary>
public static class CredentialFreeConfig
{
    /// <summary>Keys that are credentials or make an SDK fetch some (keys, processes, roles, SSO, web identity, login).</summary>
    private static readonly HashSet<string> CredentialKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token", "aws_account_id",
        "aws_credential_expiration", "credential_process", "credential_source", "role_arn", "source_profile",
        "role_session_name", "external_id", "duration_seconds", "mfa_serial", "mfa_process", "web_identity_token_file",
        "login_session",
    };

    /// <summary>sso_start_url, sso_session, sso_account_id, ...; also any future sso_ key.</summary>
    private const string SsoPrefix = "sso_";

    /// <summary>Sections that only hold credentials settings: [sso-session NAME].</summary>
    private static readonly string[] CredentialSections = ["sso-session"];

    public static bool IsCredentialKey(string key) =>
        CredentialKeys.Contains(key) || key.StartsWith(SsoPrefix, StringComparison.OrdinalIgnoreCase);

    public static string Filter(string config)
    {
        var kept = new List<string>();
        var inSection = false;
        var keepValue = false;
        foreach (var raw in config.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
                continue;
            if (trimmed[0] == '[')
            {
                inSection = IsKeptSection(trimmed);
                keepValue = false;
                if (inSection)
                    kept.Add(trimmed);
                continue;
            }
            if (!inSection)
                continue;
            if (line.Length != trimmed.Length)
            {
                // An indented line continues the key above it (s3 = / services' nested settings).
                if (keepValue)
                    kept.Add(line);
                continue;
            }
            var equals = trimmed.IndexOf('=');
            keepValue = equals > 0 && !IsCredentialKey(trimmed[..equals].Trim());
            if (keepValue)
                kept.Add(trimmed);
        }
        return kept.Count == 0 ? "" : string.Join('\n', kept) + "\n";
    }

    private static bool IsKeptSection(string header)
    {
        var close = header.IndexOf(']');
        if (close < 0 || header[(close + 1)..].Trim() is { Length: > 0 } rest && rest[0] is not ('#' or ';'))
            return false;
        var name = header[1..close].Trim();
        var kind = name.Split((char[])[' ', '\t'], 2)[0];
        return name.Length > 0 && !CredentialSections.Contains(kind, StringComparer.OrdinalIgnoreCase);
    }
}
