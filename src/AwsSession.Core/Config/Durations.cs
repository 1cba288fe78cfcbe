using System.Globalization;
using System.Text.RegularExpressions;
using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>Durations as people type them: plain seconds ("3600") or units ("90m", "12h", "1h30m", "45s").</summary>
public static partial class Durations
{
    public static readonly TimeSpan MfaDefault = TimeSpan.FromHours(12);
    public static readonly TimeSpan MfaMin = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MfaMax = TimeSpan.FromHours(36);
    public static readonly TimeSpan RoleDefault = TimeSpan.FromHours(1);
    public static readonly TimeSpan RoleMin = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan RoleMax = TimeSpan.FromHours(12);

    /// <summary>AWS caps a role assumed from a role session ("role chaining") at one hour.</summary>
    public static readonly TimeSpan ChainedRoleMax = TimeSpan.FromHours(1);

    private const string Example = "use seconds or units, e.g. 3600, 90m, 12h, 1h30m";

    public static TimeSpan Parse(string text, string option = "--duration")
    {
        var s = text.Trim();
        if (s.Length > 0 && s.All(char.IsAsciiDigit) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var secs) && secs <= int.MaxValue)
            return TimeSpan.FromSeconds(secs);

        var m = UnitsPattern().Match(s.ToLowerInvariant());
        if (s.Length == 0 || !m.Success)
            throw new UsageException($"{option}: '{text}' is not a duration", Example);

        var total = TimeSpan.Zero;
        foreach (var (group, unit) in new[] { ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)) })
        {
            if (m.Groups[group].Success && int.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                total += unit * n;
            else if (m.Groups[group].Success)
                throw new UsageException($"{option}: '{text}' is too large", Example);
        }
        return total;
    }

    public static TimeSpan InRange(TimeSpan value, TimeSpan min, TimeSpan max, string option = "--duration") =>
        value < min || value > max
            ? throw new UsageException($"{option}: {Format(value)} is out of range", $"use {Format(min)} to {Format(max)}")
            : value;

    public static string Format(TimeSpan t) =>
        t.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)t.TotalHours}h"
        : t.Ticks % TimeSpan.TicksPerMinute == 0 ? $"{(long)t.TotalMinutes}m"
        : $"{(long)t.TotalSeconds}s";

    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,6})h)?(?:(?<m>[0-9]{1,7})m)?(?:(?<s>[0-9]{1,9})s)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnitsPattern();
}
