using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>IAM whose ListMFADevices answers from a list; optionally demands a user name, as moto does.</summary>
public sealed class FakeIam(IReadOnlyList<string> devices, bool needsUserName = false) : IIamGateway
{
    public List<string?> Users { get; } = [];

    /// <summary>The error code IAM refuses a call without a user name with (moto says NoSuchEntity, others ValidationError).</summary>
    public string RefusalCode { get; init; } = "NoSuchEntity";

    public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct)
    {
        Users.Add(userName);
        if (needsUserName && userName is null)
            throw new AwsSessionException("IAM ListMFADevices failed", inner: new AwsApiException("IAM", RefusalCode, "The user with name moto cannot be found.", System.Net.HttpStatusCode.NotFound));
        return Task.FromResult<IReadOnlyList<MfaDevice>>(devices.Select(d => new MfaDevice(d)).ToList());
    }
}
