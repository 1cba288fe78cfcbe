using System.Text;

namespace AwsSession.Cli.Completion;

/// <summary>PowerShell: `aws-session completion pwsh | Out-String | Invoke-Expression`. A native argument completer.</summary>
public static class PwshCompletion
{
    public static string Render(CompletionModel m)
    {
        var s = new StringBuilder();
        s.Append($$"""
            Register-ArgumentCompleter -Native -CommandName aws-session -ScriptBlock {
                param($wordToComplete, $commandAst, $cursorPosition)
                $valueOptions = @({{List(m.ValueOptions)}})
                $transitions = @({{List(m.Nodes.SelectMany(n => n.Commands.Select(c => $"{n.Path}/{c}")))}})
                $words = @{

            """);
        foreach (var n in m.Nodes)
            s.Append($"        '{n.Path}' = @({List(n.Words)})\n");
        s.Append("    }\n    $values = @{\n");
        foreach (var (option, values) in m.OptionValues)
            s.Append($"        '{option}' = @({List(values)})\n");
        s.Append($$"""
                }
                $elements = @($commandAst.CommandElements | Where-Object { $_.Extent.EndOffset -le $cursorPosition } | ForEach-Object { $_.Extent.Text })
                if ($wordToComplete -ne '' -and $elements.Count -gt 0 -and $elements[-1] -eq $wordToComplete) {
                    $elements = @($elements | Select-Object -SkipLast 1)
                }
                $pos = ''
                for ($i = 1; $i -lt $elements.Count; $i++) {
                    $w = $elements[$i]
                    if ($w -eq '--') { return }
                    if ($valueOptions -ccontains $w) { $i++; continue }
                    if ($transitions -ccontains "$pos/$w") { $pos = "$pos/$w" }
                }
                $prev = if ($elements.Count -gt 1) { $elements[-1] } else { '' }
                $candidates = if (@({{List(m.ProfileOptions)}}) -ccontains $prev) {
                    $config = if ($env:AWS_CONFIG_FILE) { $env:AWS_CONFIG_FILE } else { Join-Path $HOME '.aws/config' }
                    $credentials = if ($env:AWS_SHARED_CREDENTIALS_FILE) { $env:AWS_SHARED_CREDENTIALS_FILE } else { Join-Path $HOME '.aws/credentials' }
                    @(
                        if (Test-Path $config) { Get-Content $config | ForEach-Object { if ($_ -match '^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]') { $Matches[1] } } }
                        if (Test-Path $credentials) { Get-Content $credentials | ForEach-Object { if ($_ -match '^\s*\[\s*([^\]\s]+)\s*\]') { $Matches[1] } } }
                    ) | Sort-Object -Unique
                } elseif (@({{List(m.SsoSessionOptions)}}) -ccontains $prev) {
                    $config = if ($env:AWS_CONFIG_FILE) { $env:AWS_CONFIG_FILE } else { Join-Path $HOME '.aws/config' }
                    @(if (Test-Path $config) { Get-Content $config | ForEach-Object { if ($_ -match '^\s*\[\s*sso-session\s+([^\]\s]+)\s*\]') { $Matches[1] } } }) | Sort-Object -Unique
                } elseif ($values.ContainsKey($prev)) {
                    $values[$prev]
                } elseif ($valueOptions -ccontains $prev) {
                    @()
                } else {
                    $words[$pos]
                }
                # Names are data: compared literally (no wildcards) and inserted single-quoted unless plain.
                $candidates | Where-Object { $_.StartsWith($wordToComplete.Trim("'"), [System.StringComparison]::Ordinal) } | ForEach-Object {
                    $text = if ($_ -match '^[A-Za-z0-9_.@+=,:/-]+$') { $_ } else { "'" + $_.Replace("'", "''") + "'" }
                    [System.Management.Automation.CompletionResult]::new($text, $_, 'ParameterValue', $_)
                }
            }

            """);
        return s.ToString();
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));
}
