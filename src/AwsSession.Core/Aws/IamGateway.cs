using System.Xml.Linq;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>IAM over the Query protocol (form POST, XML answers), at the endpoint of the partition <paramref name="region"/> is in.</summary>
public sealed class IamGateway(AwsCall call, SignedHttp http, AwsReach reach, string region) : IIamGateway
{
    public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct)
    {
        var endpoint = IamQuery.Endpoint(reach, region);
        return call.RunAsync<IReadOnlyList<MfaDevice>>("IAM", "ListMFADevices", endpoint.Url, async token =>
        {
            var doc = await IamQuery.PostAsync(http, credentials, endpoint, "ListMFADevices",
                userName is null ? [] : [new("UserName", userName)], token);
            return IamQuery.Elements(doc, "SerialNumber").Select(e => new MfaDevice(AwsAnswer.Required(e.Value.Trim(), "IAM", "ListMFADevices", "SerialNumber"), IamUser(e))).ToList();
        }, ct);
    }

    /// <summary>The device's IAM user as IAM names it (the sibling &lt;UserName&gt;), never read from the serial.</summary>
    private static string? IamUser(XElement serial) =>
        serial.Parent?.Elements().FirstOrDefault(u => u.Name.LocalName == "UserName")?.Value.Trim() is { Length: > 0 } user ? user : null;
}
