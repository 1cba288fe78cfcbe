using System.Text;

namespace AwsSession.Cli.Completion;

/// <summary>
/// bash: `source <(aws-session completion bash)`. Walks the typed words to find the command position, then offers
/// that position's commands and options; profile names come from the config files at TAB time (no process start).
/// </summary>
public static class BashCompletion
{
    public static string Render(CompletionModel m)
    {
        var s = new StringBuilder();
        s.Append(ShellProfiles.Posix("_aws_session_profiles"));
        s.Append(ShellProfiles.PosixSsoSessions("_aws_session_sso_sessions"));
        s.Append("""

            # Names are data: never through compgen -W (which expands $(...) and backticks) or an unquoted $(...)
            # (word splitting, globs). Each is offered shell-quoted, so the command line gets the name itself.
            # $1: the function listing the names; $2: the word typed so far.
            _aws_session_reply_names() {
                local p q
                COMPREPLY=()
                while IFS= read -r p; do
                    printf -v q '%q' "$p"
                    [[ $p == "$2"* || $q == "$2"* ]] && COMPREPLY+=("$q")
                done < <("$1")
            }

            _aws_session() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} pos="" i w
                for ((i = 1; i < COMP_CWORD; i++)); do
                    w=${COMP_WORDS[i]}
                    if [[ $w == -- ]]; then
                        # exec's command: complete it as a command line of its own.
                        if declare -F _command_offset >/dev/null; then _command_offset $((i + 1)); else COMPREPLY=($(compgen -c -- "$cur" | sort -u)); fi
                        return 0
                    fi
                    case $w in

            """);
        s.Append($"            {string.Join('|', m.ValueOptions)}) ((i++)) ;;\n");
        s.Append("            *) case $pos/$w in\n");
        foreach (var n in m.Nodes.Where(n => n.Commands.Count > 0))
            s.Append($"                {string.Join('|', n.Commands.Select(c => $"{n.Path}/{c}"))}) pos=$pos/$w ;;\n");
        s.Append("""
                        esac ;;
                    esac
                done
                if [[ $cur == = ]]; then cur=""; elif [[ $prev == = ]]; then prev=${COMP_WORDS[COMP_CWORD-2]}; fi
                case $prev in

            """);
        s.Append($"        {string.Join('|', m.ProfileOptions)}) _aws_session_reply_names _aws_session_profiles \"$cur\"; return 0 ;;\n");
        s.Append($"        {string.Join('|', m.SsoSessionOptions)}) _aws_session_reply_names _aws_session_sso_sessions \"$cur\"; return 0 ;;\n");
        foreach (var (option, values) in m.OptionValues)
            s.Append($"        {option}) COMPREPLY=($(compgen -W \"{string.Join(' ', values)}\" -- \"$cur\")); return 0 ;;\n");
        s.Append($"        {string.Join('|', m.ValueOptions)}) return 0 ;;\n");
        s.Append("    esac\n    local words\n    case $pos in\n");
        foreach (var n in m.Nodes)
            s.Append($"        \"{n.Path}\") words=\"{string.Join(' ', n.Words)}\" ;;\n");
        s.Append("""
                esac
                COMPREPLY=($(compgen -W "$words" -- "$cur"))
            }
            complete -F _aws_session aws-session

            """);
        return s.ToString();
    }
}
