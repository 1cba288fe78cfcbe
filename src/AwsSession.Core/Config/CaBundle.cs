using AwsSession.Domain;

namespace AwsSession.Config;

/// <summary>
/// The PEM file of certificate authorities trusted instead of the system's for every call to AWS (a proxy that
/// inspects TLS): AWS_CA_BUNDLE, else the ca_bundle of the profile the run uses, as botocore resolves it. The path is
/// taken as written (no ~ expansion, relative to the working directory), as there.
/// </summary>
/// <param name="Origin">Where it was set, for messages: "AWS_CA_BUNDLE" or "profile 'work': ca_bundle".</param>
public sealed record CaBundle(string Path, string Origin)
{
    public const string Variable = "AWS_CA_BUNDLE";

    public static CaBundle? Resolve(EnvironmentVariables env, ProfileSettings? profile) =>
        env.Get(Variable) is { } path ? new CaBundle(path, Variable)
        : profile?.CaBundle is { } configured ? new CaBundle(configured, $"profile '{ErrorText.Printable(profile.Name)}': ca_bundle")
        : null;
}
