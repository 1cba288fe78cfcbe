namespace AwsSession.Config;

/// <summary>Read access to the shared config and credentials files; faked in unit tests.</summary>
public interface IProfileStore
{
    ProfileSettings? Find(string name);
}
