using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;
using AwsSession.Logging;
using AwsSession.Prompts;

namespace AwsSession.Tests.Unit.Fakes;

/// <summary>Records every line instead of writing to stderr.</summary>
public sealed class RecordingStatus : IStatus
{
    public List<string> Lines { get; } = [];

    public IReadOnlyList<string> Notes => Of("note: ");

    public IReadOnlyList<string> Warnings => Of("warn: ");

    public void Note(string message) => Lines.Add("note: " + message);

    public void Warn(string message) => Lines.Add("warn: " + message);

    public void Debug(string message) => Lines.Add("debug: " + message);

    private List<string> Of(string prefix) => Lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Select(l => l[prefix.Length..]).ToList();
}

/// <summary>A terminal (or none) whose answers are scripted.</summary>
public sealed class ScriptedInteraction(bool canPrompt, params string[] codes) : IInteraction
{
    private readonly Queue<string> _codes = new(codes);

    public bool CanPrompt => canPrompt;

    public int Asked { get; private set; }

    public int Picks { get; private set; }

    /// <summary>Which item index Pick answers with.</summary>
    public int PickIndex { get; init; }

    public string AskMfaCode(string device, int attempt)
    {
        Asked++;
        return _codes.Dequeue();
    }

    public T Pick<T>(string title, IReadOnlyList<T> items, Func<T, IReadOnlyList<string>> columns) where T : notnull
    {
        Picks++;
        return items[PickIndex];
    }

    public Task<T> WithProgressAsync<T>(string label, Func<IProgress<int>, Task<T>> work) => work(new Progress<int>());
}

/// <summary>Codes handed out in order, counting how often it was asked.</summary>
public sealed class ScriptedCodes(bool canRetry, params string[] codes) : IMfaCodeSource
{
    private readonly Queue<string> _codes = new(codes);

    public bool CanRetry => canRetry;

    public int Asked { get; private set; }

    public ValueTask<string> GetCodeAsync(MfaDevice device, int attempt, CancellationToken ct)
    {
        Asked++;
        return ValueTask.FromResult(_codes.Dequeue());
    }
}

/// <summary>STS that accepts one MFA code (as real STS does) and answers GetCallerIdentity for alice.</summary>
public sealed class FakeSts(string acceptedCode = "123456") : IStsGateway
{
    public static readonly AwsCredentials Session = new("ASIASESSION00000000", "session-secret", "session-token", DateTimeOffset.UtcNow.AddHours(12));

    public List<string> Codes { get; } = [];

    public int CallerIdentityCalls { get; private set; }

    public string CallerArn { get; init; } = "arn:aws:iam::123456789012:user/alice";

    public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials baseCredentials, string serialNumber, string code, TimeSpan duration, CancellationToken ct)
    {
        Codes.Add(code);
        return code == acceptedCode ? Task.FromResult(Session) : throw new MfaCodeRejectedException($"the MFA code was rejected for {serialNumber}");
    }

    public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials source, RoleRequest request, CancellationToken ct) => throw new NotSupportedException();

    public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials credentials, CancellationToken ct)
    {
        CallerIdentityCalls++;
        return Task.FromResult(new CallerIdentity("123456789012", CallerArn, "AIDAALICE"));
    }
}

/// <summary>IAM whose ListMFADevices answers from a list; optionally demands a user name, as moto does.</summary>
public sealed class FakeIam(IReadOnlyList<string> devices, bool needsUserName = false) : IIamGateway
{
    public List<string?> Users { get; } = [];

    public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct)
    {
        Users.Add(userName);
        if (needsUserName && userName is null)
            throw new AwsSessionException("IAM ListMFADevices failed", inner: new AwsApiException("IAM", "NoSuchEntity", "The user with name moto cannot be found.", System.Net.HttpStatusCode.NotFound));
        return Task.FromResult<IReadOnlyList<MfaDevice>>(devices.Select(d => new MfaDevice(d)).ToList());
    }
}

/// <summary>An organization whose account list the test can change between calls.</summary>
public sealed class FakeOrganizations(params Account[] accounts) : IOrganizationsGateway
{
    public List<Account> Accounts { get; } = [.. accounts];

    public int Calls { get; private set; }

    public Exception? Failure { get; set; }

    public Task<IReadOnlyList<Account>> ListAccountsAsync(AwsCredentials credentials, IProgress<int>? progress, CancellationToken ct)
    {
        Calls++;
        if (Failure is not null)
            throw Failure;
        progress?.Report(Accounts.Count);
        return Task.FromResult<IReadOnlyList<Account>>(Accounts.ToList());
    }
}

/// <summary>The gateways a planner is built with; each fake counts its own calls.</summary>
public sealed class FakeAws(IStsGateway sts, IIamGateway iam, IOrganizationsGateway? orgs = null) : IAwsGateways
{
    public IStsGateway Sts => sts;

    public IIamGateway Iam => iam;

    public IOrganizationsGateway Organizations { get; } = orgs ?? new FakeOrganizations();
}

/// <summary>Profiles from a dictionary.</summary>
public sealed class FakeProfiles(params ProfileSettings[] profiles) : IProfileStore
{
    public ProfileSettings? Find(string name) => profiles.FirstOrDefault(p => p.Name == name);

}

public static class Env
{
    public static EnvironmentVariables Of(params (string Name, string Value)[] vars) =>
        new(vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal));
}
