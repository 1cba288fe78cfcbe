namespace AwsSession.Domain;

/// <summary>
/// An expected failure: one line for the person, an exit code for the script. Only the entry point catches it.
/// Messages never carry secrets; callers mask identifiers before building one.
/// </summary>
public class AwsSessionException(string message, int exitCode = ExitCodes.Failure, string? hint = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public string? Hint { get; } = hint;

    /// <summary>"MESSAGE; HINT": how every surface (stderr, the credential server's answer) shows the failure.</summary>
    public string Line => Hint is { Length: > 0 } h ? $"{Message}; {h}" : Message;
}

/// <summary>Bad arguments or options: exit 2, raised before any network call.</summary>
public sealed class UsageException(string message, string? hint = null)
    : AwsSessionException(message, ExitCodes.Usage, hint);

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int NotExecutable = 126;
    public const int CommandNotFound = 127;
}

/// <summary>
/// A run limited to the cache (<see cref="Application.ToolContext.CacheOnly"/>, the front binary's) reached something it
/// does not do: a miss, an AWS call, a prompt, a secret store. Never shown: the front hands the whole command line to
/// the complete tool, which runs it from the start. Thrown before anything is written or changed.
/// </summary>
public sealed class HandOffException(string reason) : Exception(reason);
