using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Accounts;

/// <summary>What `pose ACCOUNT [ROLE]` names. A role ARN, given as either argument, decides the account.</summary>
public static class PoseTarget
{
    /// <summary>The account to look up: the ARN's account, else ACCOUNT (null: pick one).</summary>
    public static string? AccountQuery(PoseMode pose) => Arn(pose) is { } arn ? RoleArns.Parse(arn).AccountId : pose.Account;

    /// <summary>
    /// The role to assume once the account is known, in the partition of the MFA device when there is one (where the
    /// user is), else of the region STS is called in, else aws.
    /// </summary>
    public static string RoleArn(PoseMode pose, Account account, string? mfaSerial, string? region) =>
        Arn(pose) ?? RoleArns.Build(account.Id, pose.Role, RoleArns.PartitionOf(mfaSerial, region));

    private static string? Arn(PoseMode pose) =>
        RoleArns.IsArn(pose.Role) ? pose.Role : RoleArns.IsArn(pose.Account) ? pose.Account : null;
}
