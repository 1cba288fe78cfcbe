using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Prompts;

namespace AwsSession.Secrets;

/// <summary>Where the file store's passphrase comes from: AWS_SESSION_FILE_PASSPHRASE, else a prompt that does not echo.</summary>
public interface IPassphrase
{
    /// <summary>The passphrase; with <paramref name="confirm"/> a prompt asks twice (a new store's first key).</summary>
    string Get(bool confirm);
}

public sealed class Passphrase(EnvironmentVariables env, Func<ISecretPrompt> prompt) : IPassphrase
{
    public const string Variable = "AWS_SESSION_FILE_PASSPHRASE";

    public string Get(bool confirm)
    {
        if (env.Get(Variable) is { } fromEnv)
            return fromEnv;
        var p = prompt();
        if (!p.CanPrompt)
            throw new AwsSessionException("the file store needs its passphrase, and there is no terminal to ask on", hint: $"set {Variable}");
        var first = p.Ask("Passphrase for aws-session's key files", secret: true);
        if (first.Length == 0)
            throw new AwsSessionException("an empty passphrase cannot protect a key");
        if (confirm && p.Ask("The same passphrase again", secret: true) != first)
            throw new AwsSessionException("the two passphrases differ; nothing was stored");
        return first;
    }
}
