using Amazon.Runtime;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>Our credentials as AWSSDK.Core's, for the STS client and the SigV4 signing handler alike.</summary>
internal static class SdkCredentials
{
    public static AWSCredentials From(AwsCredentials c) =>
        c.IsSession
            ? new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken)
            : new BasicAWSCredentials(c.AccessKeyId, c.SecretAccessKey);
}
