using AwsSession.Aws;
using AwsSession.Cache;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Secrets;

namespace AwsSession.Application;

/// <summary>
/// `rotate`: CreateAccessKey → store the new key → wait until STS accepts it → DeleteAccessKey the old one, all
/// with the profile's MFA session (cached, or made once: never a second code). Whatever step fails, the store keeps a
/// key that works, and the error says which key is stored and which exist in IAM.
/// </summary>
public sealed class RotateService(ToolContext context, IReadOnlyList<TimeSpan>? waits = null)
{
    /// <summary>IAM is eventually consistent: a new key can take seconds to be accepted. About 30 s in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultWaits = [.. new[] { 1, 2, 3, 4, 5, 5, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))];

    public async Task<StoredKey> RotateAsync(SessionOptions options, string? backendFlag, CancellationToken ct)
    {
        var profile = StoreNames.Profile(options.Profile ?? "default");
        var backend = context.Backends.For(profile, backendFlag);
        var store = context.Store(backend);
        var old = await store.GetAsync(profile, ct)
            ?? throw new AwsSessionException($"{backend} holds no key for profile '{profile}'", hint: $"add it first: aws-session add {profile}");
        var service = new SessionService(context);
        var invocation = new Invocation(new MfaMode(), options);
        var config = service.Resolve(invocation);
        var sts = context.Gateways(config.StsRegion, config.Reach).Sts;
        var user = (await sts.GetCallerIdentityAsync(old.Credentials, ct)).UserName
            ?? throw new AwsSessionException($"the key of profile '{profile}' does not belong to an IAM user: only a user's keys can be rotated");

        if (config.Keys.Credentials.AccessKeyId != old.AccessKeyId || config.ProfileRoles.Count > 0)
            throw new AwsSessionException($"profile '{profile}' does not resolve to its stored key {Masking.AccessKeyId(old.AccessKeyId)}",
                hint: "rotate works on a profile whose own keys are in the store (no role_arn)");
        var (session, _) = await service.GetAsync(invocation, ct);
        var mfa = session.Credentials;
        var iam = context.IamKeys(config.StsRegion, config.Reach);

        var existing = await iam.ListAccessKeysAsync(mfa, user, ct);
        if (existing.Count >= 2)
            throw new AwsSessionException($"IAM user {user} already has two access keys ({Describe(existing)}), the most IAM allows; nothing was changed",
                hint: "delete the one that is not stored first (aws iam delete-access-key)");

        AwsCredentials created;
        try
        {
            created = await iam.CreateAccessKeyAsync(mfa, user, ct);
        }
        catch (AwsSessionException e)
        {
            throw await FailedAsync(iam, $"CreateAccessKey failed ({e.Message})", old, mfa, user, ct, e);
        }

        var fresh = new StoredKey(profile, created.AccessKeyId, created.SecretAccessKey, context.Time.GetUtcNow());
        try
        {
            await store.SetAsync(fresh, ct);
            if (await store.GetAsync(profile, ct) is not { } back || back.AccessKeyId != fresh.AccessKeyId)
                throw new AwsSessionException($"the {backend} store did not keep the new key");
        }
        catch (AwsSessionException e)
        {
            await RestoreAsync(store, old, ct);
            var deleted = await TryDeleteAsync(iam, mfa, user, fresh.AccessKeyId, ct);
            throw await FailedAsync(iam, $"storing the new key failed ({e.Message}); the new key {Masking.AccessKeyId(fresh.AccessKeyId)} was {(deleted ? "deleted again" : "NOT deleted")}",
                old, mfa, user, ct, e);
        }
        context.Status.Note($"stored the new key {Masking.AccessKeyId(fresh.AccessKeyId)} of profile '{profile}' in {backend}; waiting for IAM to accept it");

        if (!await AcceptedAsync(sts, fresh, ct))
        {
            await RestoreAsync(store, old, ct);
            var deleted = await TryDeleteAsync(iam, mfa, user, fresh.AccessKeyId, ct);
            throw await FailedAsync(iam, $"STS did not accept the new key {Masking.AccessKeyId(fresh.AccessKeyId)} in time; it was {(deleted ? "deleted again" : "NOT deleted")}",
                old, mfa, user, ct, null);
        }

        try
        {
            await iam.DeleteAccessKeyAsync(mfa, user, old.AccessKeyId, ct);
        }
        catch (AwsSessionException e)
        {
            throw await FailedAsync(iam, $"DeleteAccessKey of the old key {Masking.AccessKeyId(old.AccessKeyId)} failed ({e.Message}); delete it yourself (aws iam delete-access-key)",
                fresh, mfa, user, ct, e);
        }

        var dropped = new SessionCache(context.CacheStore, context.Time, context.Status).Clear(profile);
        context.Status.Note($"rotated profile '{profile}': {Masking.AccessKeyId(old.AccessKeyId)} deleted, {Masking.AccessKeyId(fresh.AccessKeyId)} stored and accepted; {dropped} cached session(s) of the old key dropped");
        return fresh;
    }

    private async Task<bool> AcceptedAsync(IStsGateway sts, StoredKey key, CancellationToken ct)
    {
        foreach (var wait in waits ?? DefaultWaits)
        {
            try
            {
                await sts.GetCallerIdentityAsync(key.Credentials, ct);
                return true;
            }
            catch (AwsSessionException)
            {
                context.Status.Debug($"the new key is not accepted yet; trying again in {wait.TotalSeconds:0}s");
                await Task.Delay(wait, context.Time, ct);
            }
        }
        return false;
    }

    private async Task RestoreAsync(ISecretStore store, StoredKey old, CancellationToken ct)
    {
        try
        {
            if (await store.GetAsync(old.Profile, ct) is not { } current || current.AccessKeyId != old.AccessKeyId)
                await store.SetAsync(old, ct);
        }
        catch (AwsSessionException e)
        {
            context.Status.Warn($"could not check or put back the old key in the store: {e.Message}");
        }
    }

    private static async Task<bool> TryDeleteAsync(IIamKeysGateway iam, AwsCredentials mfa, string user, string accessKeyId, CancellationToken ct)
    {
        try
        {
            await iam.DeleteAccessKeyAsync(mfa, user, accessKeyId, ct);
            return true;
        }
        catch (AwsSessionException)
        {
            return false;
        }
    }

    /// <summary>The failure, with the key the store holds now and the keys IAM lists (when it answers).</summary>
    private static async Task<AwsSessionException> FailedAsync(IIamKeysGateway iam, string what, StoredKey stored, AwsCredentials mfa, string user, CancellationToken ct, Exception? inner)
    {
        string inIam;
        try
        {
            inIam = Describe(await iam.ListAccessKeysAsync(mfa, user, ct));
        }
        catch (AwsSessionException)
        {
            inIam = "unknown (ListAccessKeys failed too)";
        }
        return new AwsSessionException($"rotate: {what}. Stored for profile '{stored.Profile}': {Masking.AccessKeyId(stored.AccessKeyId)}; keys of {user} in IAM: {inIam}",
            inner: inner);
    }

    private static string Describe(IReadOnlyList<AccessKeyInfo> keys) =>
        keys.Count == 0 ? "none" : string.Join(", ", keys.Select(k => $"{Masking.AccessKeyId(k.AccessKeyId)} ({k.Status})"));
}
