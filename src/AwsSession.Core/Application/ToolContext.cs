using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Logging;
using AwsSession.Prompts;
using AwsSession.Sso;
using AwsSession.Secrets;
using Spectre.Console;

namespace AwsSession.Application;

/// <summary>
/// What a command runs against: environment, streams, clock and the outside world. Production builds it from
/// the process; tests build it from fakes. Everything costly is created on first use only.
/// </summary>
public sealed class ToolContext
{
    public required EnvironmentVariables Env { get; init; }
    public required TextWriter Out { get; init; }
    public required IStatus Status { get; init; }

    /// <summary>Writes out what <see cref="Out"/> and <see cref="Status"/> hold, before this process becomes a command.</summary>
    public Action FlushOutput { get; init; } = static () =>
    {
        System.Console.Out.Flush();
        System.Console.Error.Flush();
    };
    public required Func<IInteraction> Interaction { get; init; }

    /// <summary>Prompts on the controlling terminal only (credential-process); by default there is none.</summary>
    public Func<IInteraction> TtyInteraction { get; init; } = Build.IsCompleteTool ? () => new TtyInteraction(() => null) : HandOff<IInteraction>("a prompt");

    /// <summary>AWS's gateways for a region (STS's), reached as the run's profile says.</summary>
    public required Func<string, AwsReach, IAwsGateways> Gateways { get; init; }
    public required Func<IProfileStore> Profiles { get; init; }

    /// <summary>Chooses where an MFA code comes from; the front, which never asks for one, gets a stand-in that hands off.</summary>
    public MfaCodeSources.Choose CodeSources { get; init; } =
        Build.IsCompleteTool ? MfaCodeSources.For : (_, _, _, _, _, _) => NoCode.Instance;

    /// <summary>
    /// Runs a command as a waiting child, for plain `exec` where execve is not available (Windows); the front, which
    /// serves only where it is, hands such a run off.
    /// </summary>
    public Func<Exec.ChildCommand, IReadOnlyDictionary<string, string>, int> RunChild { get; init; } =
        Build.IsCompleteTool ? (command, environment) => new Exec.ChildRunner().Run(command, environment) : (_, _) => throw new Domain.HandOffException("a waiting parent");

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Sessions come from the cache or not at all: a miss throws <see cref="Domain.HandOffException"/> before any lock
    /// is taken. The front binary's context, whose other parts hand off too (AWS, prompts, secret stores).
    /// </summary>
    public bool CacheOnly { get; init; }

    /// <summary>Asks for keys and passphrases on the terminal; by default there is none.</summary>
    public Func<ISecretPrompt> SecretPrompt { get; init; } = Build.IsCompleteTool ? () => new SpectreSecretPrompt(() => ConsoleFactory.Stderr(false), false) : HandOff<ISecretPrompt>("a secret prompt");

    /// <summary>Opens a secret store by backend name; tests replace it with in-memory stores.</summary>
    public Func<string, ISecretStore>? Stores { get; init; }

    /// <summary>IAM's access-key calls (rotate), in the partition of a region; built only when asked for.</summary>
    public Func<string, AwsReach, IIamKeysGateway> IamKeys { get; init; } = (_, _) => throw new InvalidOperationException("no IAM key gateway in this context");

    public Backends Backends => new(Env, SecretPrompt);

    public ISecretStore Store(string backend) => Stores?.Invoke(backend) ?? Backends.Create(backend);

    /// <summary>Whether stdout is a terminal (a person reads it) rather than a pipe or file (a script or eval reads it).</summary>
    public bool StdoutIsTerminal { get; init; } = Terminal.StdoutIsTerminal;

    /// <summary>The console that renders tables on stdout, built on first use. By default it writes to <see cref="Out"/>.</summary>
    public Func<IAnsiConsole>? StdoutConsole { get; init; }

    public IAnsiConsole Console() => StdoutConsole?.Invoke() ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>
    /// The interaction that matches where prompts may go for this invocation. The stderr console needs stdin and
    /// stderr to be the terminal; when one is redirected (`echo data | aws-session exec -- cat`) the controlling
    /// terminal, if any, is asked instead.
    /// </summary>
    public IInteraction InteractionFor(PromptChannel channel) => channel switch
    {
        PromptChannel.DevTty => TtyInteraction(),
        PromptChannel.None => Build.IsCompleteTool ? new TtyInteraction(() => null) : TtyInteraction(),
        _ => Interaction() is { CanPrompt: true } stderr ? stderr : TtyInteraction(),
    };

    /// <summary>The Identity Center clients (OIDC and portal); production ones unless a test gives its own.</summary>
    public Func<AwsReach, ISsoServices> Sso
    {
        get => _sso ?? (Build.IsCompleteTool ? reach => new SsoServices(reach, RetrySettings.Default) : _ => throw new Domain.HandOffException("IAM Identity Center"));
        init => _sso = value;
    }

    public Func<IBrowserLauncher> Browser
    {
        get => _browser ?? (Build.IsCompleteTool ? () => new BrowserLauncher(Env) : HandOff<IBrowserLauncher>("a browser"));
        init => _browser = value;
    }

    /// <summary>Closed by `exec --server` once the child runs: no browser opens behind it.</summary>
    public SignInGate SignInGate { get; } = new();

    /// <summary>The AWS CLI's token cache, ~/.aws/sso/cache.</summary>
    public SsoTokenCache SsoTokens => new(SsoTokenCache.DefaultDirectory(Env), Status);

    /// <summary>
    /// Access tokens for Identity Center sign-ins. Without <paramref name="signIn"/> a needed sign-in fails instead
    /// (the credential server's refresh must never open a browser behind the child).
    /// </summary>
    public SsoTokenProvider SsoTokenProvider(SsoSessionConfig session, AwsReach reach, SignInSettings? signIn)
    {
        var tokens = SsoTokens;
        var services = new Lazy<ISsoServices>(() => Sso(reach));
        return new SsoTokenProvider(tokens, CacheStore, () => services.Value.Oidc(session.Region),
            // The front reads cached tokens only: a run that needs a sign-in fails there, and so is handed off.
            signIn is null || !Build.IsCompleteTool ? null : () => new SsoSignIn(services.Value.Oidc(session.Region), tokens, Browser(), Status, Time, signIn), Time, Status, SignInGate);
    }

    public CacheStore CacheStore => _store ??= new CacheStore(CacheLocation.Resolve(Env), Status);

    private static Func<T> HandOff<T>(string what) => () => throw new Domain.HandOffException(what);

    private sealed class NoCode : IMfaCodeSource
    {
        public static readonly NoCode Instance = new();

        public bool CanRetry => false;

        public ValueTask<string> GetCodeAsync(Domain.MfaDevice device, int attempt, CancellationToken ct) => throw new Domain.HandOffException("an MFA code");
    }

    private CacheStore? _store;
    private Func<AwsReach, ISsoServices>? _sso;
    private Func<IBrowserLauncher>? _browser;
}
