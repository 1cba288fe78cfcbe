using System.Text;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Secrets;

/// <summary>
/// Which store holds a profile's keys: --backend, else AWS_SESSION_BACKEND, else aws_session_backend in the
/// profile's section of ~/.aws/config, else plaintext (~/.aws/credentials, as before). `add` without a choice
/// uses the platform's store instead, and records it in the profile's section so every later run finds it.
/// </summary>
public sealed class Backends(EnvironmentVariables env, Func<ISecretPrompt> prompt)
{
    public const string Variable = "AWS_SESSION_BACKEND";
    public const string ConfigKey = ProfileSettings.SessionBackendKey;
    public static readonly string[] Names = [SecretServiceStore.BackendName, PassStore.BackendName, FileStore.BackendName, KeychainStore.BackendName, PlaintextStore.BackendName];

    public string ConfigPath => env.Get("AWS_CONFIG_FILE") ?? Path.Combine(env.Home, ".aws", "config");

    /// <summary>The backend a profile's keys are read from.</summary>
    public string For(string profile, string? flag) => Explicit(profile, flag) ?? PlaintextStore.BackendName;

    /// <summary>The same, with the profile's aws_session_backend already read by the profile store (no second read of the file).</summary>
    public string For(string profile, string? flag, string? configured) =>
        Check(flag, "--backend") ?? Check(env.Get(Variable), Variable) ?? CheckConfigured(configured) ?? PlaintextStore.BackendName;

    /// <summary>The backend `add` writes to: the configured one, else this platform's secret store.</summary>
    public string ForAdd(string profile, string? flag) => Explicit(profile, flag) ?? PlatformDefault;

    /// <summary>macOS: the keychain; elsewhere the Secret Service when there is a session bus, else the encrypted file.</summary>
    public string PlatformDefault =>
        OperatingSystem.IsMacOS() ? KeychainStore.BackendName
        : env.Get("DBUS_SESSION_BUS_ADDRESS") is not null ? SecretServiceStore.BackendName
        : FileStore.BackendName;

    public string? Explicit(string profile, string? flag) =>
        Check(flag, "--backend") ?? Check(env.Get(Variable), Variable) ?? CheckConfigured(Configured(profile));

    /// <summary>The profile's aws_session_backend in ~/.aws/config, if any.</summary>
    public string? Configured(string profile) =>
        SecureFiles.ReadText(ConfigPath) is { } text ? IniEdit.Get(text, Section(profile), ConfigKey) : null;

    /// <summary>Every backend named anywhere: the variable and each profile's key (for `list`).</summary>
    public IReadOnlyList<string> AllConfigured()
    {
        var names = new List<string>();
        if (Check(env.Get(Variable), Variable) is { } fromEnv)
            names.Add(fromEnv);
        if (SecureFiles.ReadText(ConfigPath) is { } text)
            names.AddRange(IniEdit.Sections(text).Select(s => IniEdit.Get(text, s, ConfigKey)).OfType<string>().Where(Names.Contains));
        return names.Distinct().ToList();
    }

    /// <summary>Writes aws_session_backend for the profile (true when the file changed).</summary>
    public bool Record(string profile, string backend)
    {
        if (Configured(profile) == backend)
            return false;
        var text = SecureFiles.ReadText(ConfigPath) ?? "";
        SecureFiles.Write(ConfigPath, Encoding.UTF8.GetBytes(IniEdit.Set(text, Section(profile), ConfigKey, backend)));
        return true;
    }

    public ISecretStore Create(string name) => name switch
    {
        SecretServiceStore.BackendName => new SecretServiceStore(env.Get("DBUS_SESSION_BUS_ADDRESS")),
        PassStore.BackendName => new PassStore(env, new ExternalTool("pass")),
        FileStore.BackendName => new FileStore(FileStore.DefaultDirectory(env), new Passphrase(env, prompt)),
        KeychainStore.BackendName => new KeychainStore(new ExternalTool(env.Get(KeychainStore.ToolVariable) ?? KeychainStore.DefaultTool)),
        PlaintextStore.BackendName => new PlaintextStore(env),
        _ => throw Unknown(name, "--backend"),
    };

    /// <summary>The ~/.aws/config section of a profile, as the AWS CLI names it.</summary>
    public static string Section(string profile) => profile == "default" ? "default" : "profile " + profile;

    // The config path goes into the error only: resolving it is not worth a cache hit's time when nothing is configured.
    private string? CheckConfigured(string? name) => name is null ? null : Check(name, $"{ConfigKey} in {ConfigPath}");

    private static string? Check(string? name, string where) =>
        name is null || Names.Contains(name) ? name : throw Unknown(name, where);

    private static UsageException Unknown(string name, string where) =>
        new($"unknown secret store '{ErrorText.Printable(name)}' ({where})", "use one of: " + string.Join(", ", Names));
}
