using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>Profiles from a dictionary.</summary>
public sealed class FakeProfiles(params ProfileSettings[] profiles) : IProfileStore
{
    public ProfileSettings? Find(string name) => profiles.FirstOrDefault(p => p.Name == name);
}
