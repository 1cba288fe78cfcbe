using AwsSession.Logging;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Prompts;

namespace AwsSession.Sso;

/// <summary>
/// The AWS CLI's token cache, ~/.aws/sso/cache, both ways: a token written by `aws sso login` is used here, and one
/// written here is used by the CLI and the SDKs. File names are the sha1 of the session name (legacy: of the start
/// URL); the client registration sits beside it under the name the CLI v2 gives it. Files 0600, written atomically.
/// </summary>
public sealed class SsoTokenCache(string directory, IStatus status)
{
    private readonly CacheStore _store = new(directory, status);

    public static string DefaultDirectory(EnvironmentVariables env) => Path.Combine(env.Home, ".aws", "sso", "cache");

    public string Directory => directory;

    public static string TokenFileName(SsoSessionConfig s) => Sha1Hex(s.Name ?? s.StartUrl) + ".json";

    /// <summary>
    /// The CLI v2's name for the registration: sha1 of Python's json.dumps of these keys, sorted, with ", " and ": ".
    /// Legacy profiles have no registration scopes; older botocore named theirs by region.
    /// </summary>
    public static string RegistrationFileName(SsoSessionConfig s)
    {
        if (s.IsLegacy)
            return $"botocore-client-id-{s.Region}.json";
        var scopes = string.Join(", ", s.Scopes.Select(PythonJson.String));
        var json = $"{{\"region\": {PythonJson.String(s.Region)}, \"scopes\": [{scopes}], \"session_name\": {PythonJson.String(s.Name!)}, \"startUrl\": {PythonJson.String(s.StartUrl)}, \"tool\": \"botocore\"}}";
        return Sha1Hex(json) + ".json";
    }

    public SsoToken? ReadToken(SsoSessionConfig s)
    {
        var file = Read(TokenFileName(s), SsoCacheJson.ReadToken);
        if (file?.AccessToken is not { Length: > 0 } access || ParseTime(file.ExpiresAt) is not { } expires)
            return null;
        if (file.StartUrl is { } url && url != s.StartUrl)
        {
            status.Debug($"sso: the cached token of {s.Label} is for another start URL; ignoring it");
            return null;
        }
        return new SsoToken(s.StartUrl, file.Region ?? s.Region, access, expires, file.ClientId, file.ClientSecret,
            ParseTime(file.RegistrationExpiresAt), file.RefreshToken);
    }

    public bool WriteToken(SsoSessionConfig s, SsoToken t)
    {
        var file = new TokenFile
        {
            StartUrl = t.StartUrl,
            Region = t.Region,
            AccessToken = t.AccessToken,
            ExpiresAt = FormatTime(t.ExpiresAt),
            ClientId = t.ClientId,
            ClientSecret = t.ClientSecret,
            RegistrationExpiresAt = t.RegistrationExpiresAt is { } r ? FormatTime(r) : null,
            RefreshToken = t.RefreshToken,
        };
        return _store.Write(TokenFileName(s), SsoCacheJson.Write(file));
    }

    public void DeleteToken(SsoSessionConfig s) => Delete(TokenFileName(s));

    public SsoRegistration? ReadRegistration(SsoSessionConfig s)
    {
        var file = Read(RegistrationFileName(s), SsoCacheJson.ReadRegistration);
        return file is { ClientId: { Length: > 0 } id, ClientSecret: { Length: > 0 } secret } && ParseTime(file.ExpiresAt) is { } expires
            ? new SsoRegistration(id, secret, expires, file.GrantTypes ?? [])
            : null;
    }

    public bool WriteRegistration(SsoSessionConfig s, SsoRegistration r) =>
        _store.Write(RegistrationFileName(s), SsoCacheJson.Write(new RegistrationFile
        {
            ClientId = r.ClientId,
            ClientSecret = r.ClientSecret,
            ExpiresAt = FormatTime(r.ExpiresAt),
            Scopes = s.IsLegacy ? null : s.Scopes.ToList(),
            GrantTypes = r.GrantTypes.ToList(),
        }));

    /// <summary>Every token in the cache (any tool's), for listings and logout.</summary>
    public IReadOnlyList<CachedToken> List()
    {
        if (!System.IO.Directory.Exists(directory))
            return [];
        var found = new List<CachedToken>();
        foreach (var name in _store.Names("", ".json"))
        {
            if (Read(name, SsoCacheJson.ReadToken) is { AccessToken: { Length: > 0 } a, StartUrl: { } url } f && ParseTime(f.ExpiresAt) is { } e)
                found.Add(new CachedToken(name, url, f.Region, e, a));
        }
        return found.OrderBy(t => t.StartUrl, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Deletes a token or registration file. The directory is the AWS CLI's, so only its names (sha1 hex + .json)
    /// are ever deleted; the session cache's own-name rule does not apply here.
    /// </summary>
    public void Delete(string fileName)
    {
        if (!IsCacheName(fileName))
            throw new ArgumentException($"not an SSO cache file name: {fileName}", nameof(fileName));
        try
        {
            File.Delete(Path.Combine(directory, fileName));
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static bool IsCacheName(string name) =>
        name.Length == 40 + 5 && name.EndsWith(".json", StringComparison.Ordinal) && !name.AsSpan(0, 40).ContainsAnyExcept("0123456789abcdef");

    /// <summary>Both forms the tools write: botocore's seconds ("…T18:00:48Z", or "UTC" for Z) and the JS SDK's milliseconds.</summary>
    public static DateTimeOffset? ParseTime(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return null;
        var text = s.Trim();
        if (text.EndsWith("UTC", StringComparison.Ordinal))
            text = text[..^3] + "Z";
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t : null;
    }

    /// <summary>The AWS CLI v2's form, which botocore, the JS SDK and the .NET SDK all read.</summary>
    public static string FormatTime(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A file of the cache read with <paramref name="parse"/>; one not in that form is noted and left alone.</summary>
    private T? Read<T>(string name, Func<byte[], T?> parse) where T : class
    {
        if (_store.Read(name) is not { } bytes)
            return null;
        if (parse(bytes) is { } file)
            return file;
        status.Debug($"sso: {name} in {directory} is not a token file; ignoring it");
        return null;
    }

    private static string Sha1Hex(string s) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(s)));

    internal sealed class TokenFile
    {
        public string? StartUrl { get; set; }
        public string? Region { get; set; }
        public string? AccessToken { get; set; }
        public string? ExpiresAt { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? RegistrationExpiresAt { get; set; }
        public string? RefreshToken { get; set; }
    }

    internal sealed class RegistrationFile
    {
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? ExpiresAt { get; set; }
        public List<string>? Scopes { get; set; }
        public List<string>? GrantTypes { get; set; }
    }
}

/// <summary>A token file found in the cache, whoever wrote it. ToString never shows the token.</summary>
public sealed record CachedToken(string File, string StartUrl, string? Region, DateTimeOffset ExpiresAt, string AccessToken)
{
    public override string ToString() => $"CachedToken {{ {File}, {StartUrl}, expires {ExpiresAt:u} }}";
}

/// <summary>Python's json.dumps string form (ensure_ascii), so a file name hashed from JSON matches the AWS CLI's.</summary>
public static class PythonJson
{
    public static string String(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < 0x20 || c > 0x7f => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.Append('"').ToString();
    }
}
