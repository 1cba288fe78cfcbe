using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>Codes handed out in order, counting how often it was asked.</summary>
public sealed class ScriptedCodes(bool canRetry, params string[] codes) : IMfaCodeSource
{
    private readonly Queue<string> _codes = new(codes);

    public bool CanRetry => canRetry;

    public int Asked { get; private set; }

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        Asked++;
        return ValueTask.FromResult(_codes.Dequeue());
    }
}
