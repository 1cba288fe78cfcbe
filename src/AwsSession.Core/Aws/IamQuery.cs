using System.Xml.Linq;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>One IAM call over the Query protocol (form POST, XML answer), signed for its partition's region; errors as AwsApiException.</summary>
public static class IamQuery
{
    /// <param name="region">The run's region: it decides the partition (IAM is one endpoint per partition).</param>
    public static ServiceEndpoint Endpoint(AwsReach reach, string region) => reach.Endpoint(Endpoints.Iam, region);

    public static async Task<XDocument> PostAsync(SignedHttp http, AwsCredentials credentials, ServiceEndpoint endpoint, string action,
        IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken token)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2010-05-08") };
        form.AddRange(parameters);
        using var client = http.ClientFor(credentials, "iam", endpoint.SigningRegion);
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync(endpoint.Url, content, token);
        var body = await response.Content.ReadAsStringAsync(token);
        if (!response.IsSuccessStatusCode)
            throw Error("IAM", response, body);
        return XDocument.Parse(body);
    }

    public static IEnumerable<XElement> Elements(XDocument doc, string name) => doc.Descendants().Where(e => e.Name.LocalName == name);

    public static string? Value(XElement parent, string name) => parent.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static AwsApiException Error(string service, HttpResponseMessage response, string body)
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
