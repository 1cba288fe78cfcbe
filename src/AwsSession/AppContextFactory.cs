using AwsSession.Application;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Logging;
using AwsSession.Prompts;
using AwsSession.Secrets;

namespace AwsSession.Cli;

/// <summary>Builds the production <see cref="ToolContext"/>: the real process, terminal, files and AWS.</summary>
public static class AppContextFactory
{
    public static ToolContext FromProcess(bool debug)
    {
        var env = EnvironmentVariables.FromProcess();
        // One store for the run: each AWS file is opened and read once, here, before the SDK could open a FIFO by path.
        var files = new SharedProfileStore(env);
        files.RequireRegularFiles();
        var status = new StderrStatus(Console.Error, debug);
        var backends = new Backends(env, SpectreSecretPrompt.ForStderr);
        var clock = new AwsClock(TimeProvider.System, status);
        return new ToolContext
        {
            Env = env,
            Out = Console.Out,
            Status = status,
            Interaction = ConsoleFactory.ForStderr,
            TtyInteraction = TtyInteraction.ForControllingTerminal,
            Gateways = (region, reach) => new AwsGateways(reach, region, RetrySettings.Default, debug ? new DebugObserver(status) : null, clock),
            SecretPrompt = SpectreSecretPrompt.ForStderr,
            IamKeys = (region, reach) => IamKeysGateway.Create(reach, region, RetrySettings.Default, debug ? new DebugObserver(status) : null),
            Profiles = () => new StoredKeyProfiles(files, backends, backends.Create),
            Sso = reach => new Sso.SsoServices(reach, RetrySettings.Default, debug ? new DebugObserver(status) : null, clock),
        };
    }

    private sealed class DebugObserver(IStatus status) : IAwsCallObserver
    {
        public void Calling(string service, string operation, int attempt) =>
            status.Debug($"{service} {operation}" + (attempt > 1 ? $" (attempt {attempt})" : ""));
    }
}
