namespace AwsSession.Config;

/// <summary>
/// The shared config file with everything that names, holds or leads to credentials taken out, for the child of
/// `exec --server`: every SDK ranks a profile's credentials above the container endpoint, so a config that still had
/// them would silently hand the child another identity. What stays is what the child needs to behave as before:
/// region, endpoint_url, ca_bundle, retries, s3 and services settings, output, and the like. The filter goes line by line
/// (<see cref="IniLines"/>), not through a parsed model, so no malformed line can stop it; what it cannot classify (and
/// every comment, a header's included) is dropped.
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
        var keepKey = false;
        foreach (var line in IniLines.Read(config))
        {
            switch (line.Kind)
            {
                case IniLineKind.Header:
                    inSection = IsKeptSection(line.Name);
                    keepKey = false;
                    if (inSection)
                        kept.Add($"[{line.Name}]");
                    break;
                case IniLineKind.Key:
                    keepKey = inSection && !IsCredentialKey(line.Name);
                    if (keepKey)
                        kept.Add(line.Raw.Trim());
                    break;
                case IniLineKind.Continuation:
                    if (keepKey && !NamesCredential(line.Raw))
                        kept.Add(line.Raw.TrimEnd());
                    break;
                case IniLineKind.BrokenHeader:
                    inSection = keepKey = false;
                    break;
                case IniLineKind.Malformed:
                    keepKey = false;
                    break;
            }
        }
        return kept.Count == 0 ? "" : string.Join('\n', kept) + "\n";
    }

    /// <summary>
    /// Whether an indented line reads as `credential_key = ...`. botocore takes it for part of the key above, but the
    /// JavaScript SDK takes it for a key of the profile when the key above has a value, so it goes either way.
    /// </summary>
    private static bool NamesCredential(string continuation)
    {
        var trimmed = continuation.Trim();
        return trimmed.IndexOf('=') is > 0 and var equals && IsCredentialKey(trimmed[..equals].Trim());
    }

    private static bool IsKeptSection(string name) =>
        !CredentialSections.Contains(name.Split((char[])[' ', '\t'], 2)[0], StringComparer.OrdinalIgnoreCase);
}
