using AwsSession.Domain;

namespace AwsSession.Output;

public enum ShellKind
{
    Sh,
    Bash,
    Zsh,
    Fish,
    Pwsh,
    Json,
}

public static class Shells
{
    public static readonly string[] Names = ["sh", "bash", "zsh", "fish", "pwsh", "json"];

    public static ShellKind Parse(string name) => name.ToLowerInvariant() switch
    {
        "sh" => ShellKind.Sh,
        "bash" => ShellKind.Bash,
        "zsh" => ShellKind.Zsh,
        "fish" => ShellKind.Fish,
        "pwsh" => ShellKind.Pwsh,
        "json" => ShellKind.Json,
        _ => throw new UsageException($"--shell: unknown shell '{Domain.ErrorText.Printable(name)}'", $"use one of: {string.Join(", ", Names)}"),
    };

    /// <summary>The default from $SHELL's basename; sh when unknown.</summary>
    public static ShellKind FromEnvironment(string? shellPath)
    {
        var name = Path.GetFileName(shellPath ?? "");
        return name switch
        {
            "bash" => ShellKind.Bash,
            "zsh" => ShellKind.Zsh,
            "fish" => ShellKind.Fish,
            "pwsh" or "pwsh.exe" or "powershell.exe" => ShellKind.Pwsh,
            _ => ShellKind.Sh,
        };
    }
}
