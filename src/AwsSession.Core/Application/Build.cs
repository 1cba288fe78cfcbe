using System.Diagnostics.CodeAnalysis;

namespace AwsSession.Application;

/// <summary>
/// Which executable this code runs in. The front binary (src/AwsSession.Front) turns the switch off in its project
/// file, and Native AOT then compiles out every branch it guards: those build prompts, MFA code sources and Identity
/// Center clients, which a cache-only run hands off instead (<see cref="Domain.HandOffException"/>). Guards belong where
/// such a default is chosen (<see cref="ToolContext"/>), nowhere else.
/// </summary>
public static class Build
{
    public const string CompleteToolSwitch = "AwsSession.CompleteTool";

    [FeatureSwitchDefinition(CompleteToolSwitch)]
    public static bool IsCompleteTool => !AppContext.TryGetSwitch(CompleteToolSwitch, out var on) || on;
}
