using System.Text;

namespace AwsSession.Cli.Completion;

/// <summary>
/// zsh: `source <(aws-session completion zsh)` after compinit, or save as _aws-session in $fpath.
/// Same walk as bash. The position variable is not called `path`: in zsh that is PATH.
/// </summary>
public static class ZshCompletion
{
    public static string Render(CompletionModel m)
    {
        var s = new StringBuilder("#compdef aws-session\n\n");
        s.Append(ShellProfiles.Posix("_aws_session_profiles"));
        s.Append(ShellProfiles.PosixSsoSessions("_aws_session_sso_sessions"));
        s.Append("""

            _aws_session() {
                local cur=${words[CURRENT]} prev=${words[CURRENT-1]} pos="" i w
                local -a reply
                for ((i = 2; i < CURRENT; i++)); do
                    w=${words[i]}
                    if [[ $w == -- ]]; then
                        # exec's command: complete it as a command line of its own.
                        words=("${(@)words[i+1,-1]}")
                        (( CURRENT -= i ))
                        _normal
                        return
                    fi
                    case $w in

            """);
        s.Append($"            ({string.Join('|', m.ValueOptions)}) (( i++ )) ;;\n");
        s.Append("            (*) case $pos/$w in\n");
        foreach (var n in m.Nodes.Where(n => n.Commands.Count > 0))
            s.Append($"                ({string.Join('|', n.Commands.Select(c => $"{n.Path}/{c}"))}) pos=$pos/$w ;;\n");
        s.Append("""
                        esac ;;
                    esac
                done
                if [[ $cur == --*=* ]]; then
                    prev=${cur%%=*}
                    compset -P '*='
                fi
                case $prev in

            """);
        s.Append($"        ({string.Join('|', m.ProfileOptions)}) reply=(${{(f)\"$(_aws_session_profiles)\"}}); compadd -a reply; return ;;\n");
        s.Append($"        ({string.Join('|', m.SsoSessionOptions)}) reply=(${{(f)\"$(_aws_session_sso_sessions)\"}}); compadd -a reply; return ;;\n");
        foreach (var (option, values) in m.OptionValues)
            s.Append($"        ({option}) compadd -- {string.Join(' ', values)}; return ;;\n");
        s.Append($"        ({string.Join('|', m.ValueOptions)}) _message 'a value'; return ;;\n");
        s.Append("    esac\n    case $pos in\n");
        foreach (var n in m.Nodes)
            s.Append($"        (\"{n.Path}\") reply=({string.Join(' ', n.Words)}) ;;\n");
        s.Append("""
                esac
                compadd -a reply
            }

            if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
                _aws_session "$@"
            else
                compdef _aws_session aws-session
            fi

            """);
        return s.ToString();
    }
}
