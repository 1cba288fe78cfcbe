using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Entry;

/// <summary>
/// The command lines typed on every Makefile target and shell prompt, read without building the parser's command
/// tree (which costs more than the rest of a cached run): plain, `mfa [DEVICE-ARN]`, `pose [ACCOUNT [ROLE]]`, and
/// `exec` before any of them, made of words and at most one `--profile NAME`. Anything else, any other option included,
/// and anything that fails a check, is left to the parser, which reads it the same way (a unit test holds the two to
/// that) or explains why not.
/// </summary>
public static class HotPath
{
    /// <summary>Words the parser may take as a command rather than as a profile's name: such a line is left to it.</summary>
    private static readonly HashSet<string> Reserved = ["exec", "mfa", "pose"];

    /// <param name="words">The arguments before the first `--`.</param>
    /// <param name="command">The words after it; null when there was no `--`.</param>
    public static SessionRequest? TryRead(string[] words, string[]? command)
    {
        // Loops, not LINQ: this runs on every cached hit, and LINQ's first use alone cost more than the rest of it.
        string? profile = null;
        var rest = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word == "--profile" && profile is null)
            {
                if (i + 1 >= words.Length || Reserved.Contains(words[i + 1]))
                    return null;
                profile = words[++i];
                if (profile.Length == 0 || profile[0] is '-' or '@' or '[')
                    return null;
                continue;
            }
            // Other options, response files (@file) and directives ([suggest]) are the parser's.
            if (word.Length == 0 || word[0] is '-' or '@' or '[')
                return null;
            rest.Add(word);
        }
        var exec = rest.Count > 0 && rest[0] == "exec";
        if (exec)
            rest.RemoveAt(0);
        if (exec ? command is [] : command is not null)
            return null;
        // `exec pose ACCOUNT ROLE` needs a -- to say where the command starts: the parser explains that.
        if (exec && command is null && rest is ["pose", _, _])
            return null;
        try
        {
            Mode? mode = rest switch
            {
                [] => new MfaMode(),
                ["mfa"] => ModeInput.Mfa(null),
                ["mfa", var device] => ModeInput.Mfa(device),
                ["pose"] => ModeInput.Pose(null, null),
                ["pose", var account] => ModeInput.Pose(account, null),
                ["pose", var account, var role] => ModeInput.Pose(account, role),
                _ => null,
            };
            return mode is null ? null : new SessionRequest(ModeInput.Read(mode, new SessionOptions { Profile = profile }), Exec: exec, Command: exec ? command : null);
        }
        catch (UsageException)
        {
            return null;
        }
    }
}
