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
    public required Func<string, IAwsGateways> Gateways { get; init; }
    public required Func<IProfileStore> Profiles { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public CacheStore CacheStore => _store ??= new CacheStore(CacheLocation.Resolve(Env), Status);

    private CacheStore? _store;
}
