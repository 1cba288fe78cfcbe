using System.Text;

namespace AwsSession.Cli.Completion;

/// <summary>fish: `aws-session completion fish | source`. One function computes the candidates, as for bash.</summary>
public static class FishCompletion
{
    public static string Render(CompletionModel m)
    {
        var s = new StringBuilder();
        s.Append($$"""
            function __aws_session_profiles
                set -l config $HOME/.aws/config
                set -q AWS_CONFIG_FILE; and set config $AWS_CONFIG_FILE
                set -l credentials $HOME/.aws/credentials
                set -q AWS_SHARED_CREDENTIALS_FILE; and set credentials $AWS_SHARED_CREDENTIALS_FILE
                begin
                    test -r $config; and sed -n '{{ShellProfiles.ConfigSed}}' $config
                    test -r $credentials; and sed -n '{{ShellProfiles.CredentialsSed}}' $credentials
                end 2>/dev/null | sort -u
            end

            function __aws_session_sso_sessions
                set -l config $HOME/.aws/config
                set -q AWS_CONFIG_FILE; and set config $AWS_CONFIG_FILE
                test -r $config; and sed -n '{{ShellProfiles.SsoSessionSed}}' $config 2>/dev/null | sort -u
            end

            function __aws_session_complete
                set -l tokens (commandline -opc)
                set -l cur (commandline -ct)
                set -l pos ''
                set -l i 2
                while test $i -le (count $tokens)
                    set -l w $tokens[$i]
                    if test "$w" = '--'
                        # exec's command: complete it as a command line of its own.
                        complete -C (string join ' ' -- (string escape -- $tokens[(math $i + 1)..-1]) "$cur")
                        return
                    end
                    switch $w
                        case {{Quoted(m.ValueOptions)}}
                            set i (math $i + 1)
                        case '*'
                            switch "$pos/$w"

            """);
        foreach (var n in m.Nodes.Where(n => n.Commands.Count > 0))
            s.Append($"                        case {Quoted(n.Commands.Select(c => $"{n.Path}/{c}"))}\n                            set pos \"$pos/$w\"\n");
        s.Append($$"""
                            end
                    end
                    set i (math $i + 1)
                end
                set -l prev $tokens[-1]
                set -l prefix ''
                if string match -q -- '--*=*' $cur
                    set prev (string split -m1 -- = $cur)[1]
                    set prefix "$prev="
                end
                switch $prev
                    case {{Quoted(m.ProfileOptions)}}
                        printf '%s\n' $prefix(__aws_session_profiles)
                        return
                    case {{Quoted(m.SsoSessionOptions)}}
                        printf '%s\n' $prefix(__aws_session_sso_sessions)
                        return

            """);
        foreach (var (option, values) in m.OptionValues)
            s.Append($"        case '{option}'\n            printf '%s\\n' $prefix{Braced(values)}\n            return\n");
        s.Append($"        case {Quoted(m.ValueOptions)}\n            return\n    end\n    switch \"$pos\"\n");
        foreach (var n in m.Nodes)
            s.Append($"        case '{n.Path}'\n            printf '%s\\n' {Quoted(n.Words)}\n");
        s.Append("""
                end
            end

            complete -c aws-session -f -a '(__aws_session_complete)'

            """);
        return s.ToString();
    }

    private static string Quoted(IEnumerable<string> words) => string.Join(' ', words.Select(w => $"'{w}'"));

    /// <summary>$prefix{a,b} expands to one word per value, each with the prefix (fish brace expansion).</summary>
    private static string Braced(IReadOnlyList<string> values) => "{" + string.Join(',', values) + "}";
}
