using System.Xml.Linq;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>IAM over the Query protocol (form POST, XML answers), signed for us-east-1.</summary>
public sealed class IamGateway(AwsCall call, SignedHttp http, EnvironmentVariables env) : IIamGateway
{
    public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct)
    {
        var endpoint = Endpoints.For(env, Endpoints.Iam, Endpoints.GlobalRegion);
        return call.RunAsync<IReadOnlyList<MfaDevice>>("IAM", "ListMFADevices", endpoint, async token =>
        {
            var form = new List<KeyValuePair<string, string>> { new("Action", "ListMFADevices"), new("Version", "2010-05-08") };
            if (userName is not null)
                form.Add(new("UserName", userName));
            using var client = http.ClientFor(credentials, "iam", Endpoints.GlobalRegion);
            using var content = new FormUrlEncodedContent(form);
            using var response = await client.PostAsync(endpoint, content, token);
            var body = await response.Content.ReadAsStringAsync(token);
            if (!response.IsSuccessStatusCode)
                throw QueryError("IAM", response, body);
            var doc = XDocument.Parse(body);
            return doc.Descendants().Where(e => e.Name.LocalName == "SerialNumber")
                .Select(e => new MfaDevice(AwsAnswer.Required(e.Value.Trim(), "IAM", "ListMFADevices", "SerialNumber")))
                .ToList();
        }, ct);
    }

    private static AwsApiException QueryError(string service, HttpResponseMessage response, string body)
    {
        string code = $"HTTP{(int)response.StatusCode}", message = response.ReasonPhrase ?? "";
        try
        {
            var doc = XDocument.Parse(body);
            code = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value ?? code;
            message = doc.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? message;
        }
        catch (System.Xml.XmlException)
        {
            // Not XML (a proxy's error page): the status code says enough.
        }
        return new AwsApiException(service, code, message.Trim(), response.StatusCode);
    }
}
