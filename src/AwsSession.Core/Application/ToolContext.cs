using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Prompts;

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
    public required Func<IInteraction> Interaction { get; init; }

    /// <summary>Prompts on the controlling terminal only (credential-process); by default there is none.</summary>
    public Func<IInteraction> TtyInteraction { get; init; } = () => new TtyInteraction(() => null);

    public required Func<string, IAwsGateways> Gateways { get; init; }
    public required Func<IProfileStore> Profiles { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The interaction that matches where prompts may go for this invocation.</summary>
    public IInteraction InteractionFor(PromptChannel channel) => channel switch
    {
        PromptChannel.DevTty => TtyInteraction(),
        PromptChannel.None => new TtyInteraction(() => null),
        _ => Interaction(),
    };

    public CacheStore CacheStore => _store ??= new CacheStore(CacheLocation.Resolve(Env), Status);

    private CacheStore? _store;
}
