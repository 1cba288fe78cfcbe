using System.Security.Cryptography;
using System.Text;
using AwsSession.Domain;
using CliWrap;

namespace AwsSession.Secrets;

/// <summary>
/// Runs a store's command-line tool (pass, security): arguments never carry a secret, secrets go in on stdin and
/// come back on stdout into a buffer that is cleared after use. Bounded: a tool waiting for a person (pinentry,
/// a keychain dialog) gets minutes, not forever.
/// </summary>
public sealed class ExternalTool(string program, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
{
    public string Program => program;

    public async Task<ToolResult> RunAsync(IReadOnlyList<string> arguments, byte[]? stdin, CancellationToken ct)
    {
        using var output = new MemoryStream();
        var error = new StringBuilder();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var command = Cli.Wrap(program).WithArguments(arguments)
            .WithStandardOutputPipe(PipeTarget.ToStream(output))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
            command = command.WithStandardInputPipe(PipeSource.FromBytes(stdin));
        if (environment is not null)
            command = command.WithEnvironmentVariables(environment);
        try
        {
            var result = await command.ExecuteAsync(limit.Token);
            var bytes = output.ToArray();
            CryptographicOperations.ZeroMemory(output.GetBuffer());
            return new ToolResult(result.ExitCode, bytes, error.ToString());
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AwsSessionException($"{Path.GetFileName(program)} did not answer in time", hint: "is it waiting for a passphrase or a dialog?");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new AwsSessionException($"cannot run {program}: {ErrorText.Outside(e.Message)}", hint: "install it, or choose another --backend");
        }
        catch (CliWrap.Exceptions.CliWrapException e)
        {
            throw new AwsSessionException($"cannot run {program}: {ErrorText.Outside(e.Message)}", hint: "install it, or choose another --backend");
        }
    }
}

/// <summary>
/// A tool's exit code, its stdout and the first line of its stderr for messages. Stdout may hold a secret: disposing
/// the result wipes it, so a `using` covers every path out of the code that reads it.
/// </summary>
public sealed record ToolResult(int ExitCode, byte[] Output, string Error) : IDisposable
{
    public void Dispose() => CryptographicOperations.ZeroMemory(Output);

    public string ErrorLine => ErrorText.Printable(Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? $"exit code {ExitCode}");
}
