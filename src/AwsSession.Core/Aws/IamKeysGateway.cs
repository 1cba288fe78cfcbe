using System.Globalization;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>An IAM user's access keys: what rotation needs.</summary>
public interface IIamKeysGateway
{
    Task<IReadOnlyList<AccessKeyInfo>> ListAccessKeysAsync(AwsCredentials credentials, string userName, CancellationToken ct);

    /// <summary>Never retried: a retry after a lost answer would make a second key.</summary>
    Task<AwsCredentials> CreateAccessKeyAsync(AwsCredentials credentials, string userName, CancellationToken ct);

    Task DeleteAccessKeyAsync(AwsCredentials credentials, string userName, string accessKeyId, CancellationToken ct);
}

public sealed record AccessKeyInfo(string AccessKeyId, string Status, DateTimeOffset? Created);

/// <summary>iam:ListAccessKeys, CreateAccessKey and DeleteAccessKey over the Query protocol.</summary>
public sealed class IamKeysGateway(AwsCall call, AwsCall once, SignedHttp http, AwsReach reach, string region) : IIamKeysGateway
{
    public static IamKeysGateway Create(AwsReach reach, string region, RetrySettings retry, IAwsCallObserver? observer) =>
        new(new AwsCall(AwsPipeline.Create(retry), observer), new AwsCall(AwsPipeline.Create(retry with { MaxAttempts = 1 }), observer), new SignedHttp(reach.CaBundle), reach, region);

    public Task<IReadOnlyList<AccessKeyInfo>> ListAccessKeysAsync(AwsCredentials credentials, string userName, CancellationToken ct)
    {
        var endpoint = IamQuery.Endpoint(reach, region);
        return call.RunAsync<IReadOnlyList<AccessKeyInfo>>("IAM", "ListAccessKeys", endpoint.Url, async token =>
        {
            var doc = await IamQuery.PostAsync(http, credentials, endpoint, "ListAccessKeys", [new("UserName", userName)], token);
            return IamQuery.Elements(doc, "member")
                .Select(m => new AccessKeyInfo(IamQuery.Value(m, "AccessKeyId") ?? "", IamQuery.Value(m, "Status") ?? "",
                    DateTimeOffset.TryParse(IamQuery.Value(m, "CreateDate"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null))
                .Where(k => k.AccessKeyId.Length > 0).ToList();
        }, ct);
    }

    public Task<AwsCredentials> CreateAccessKeyAsync(AwsCredentials credentials, string userName, CancellationToken ct)
    {
        var endpoint = IamQuery.Endpoint(reach, region);
        return once.RunAsync("IAM", "CreateAccessKey", endpoint.Url, async token =>
        {
            var doc = await IamQuery.PostAsync(http, credentials, endpoint, "CreateAccessKey", [new("UserName", userName)], token);
            var key = IamQuery.Elements(doc, "AccessKey").FirstOrDefault();
            return key is not null && IamQuery.Value(key, "AccessKeyId") is { } id && IamQuery.Value(key, "SecretAccessKey") is { } secret
                ? new AwsCredentials(id, secret)
                : throw new AwsSessionException("IAM CreateAccessKey answered without a key");
        }, ct);
    }

    public Task DeleteAccessKeyAsync(AwsCredentials credentials, string userName, string accessKeyId, CancellationToken ct)
    {
        var endpoint = IamQuery.Endpoint(reach, region);
        return call.RunAsync("IAM", "DeleteAccessKey", endpoint.Url, async token =>
        {
            await IamQuery.PostAsync(http, credentials, endpoint, "DeleteAccessKey", [new("UserName", userName), new("AccessKeyId", accessKeyId)], token);
            return true;
        }, ct);
    }
}
