using System.Text.Json;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>What sandbox/seed.py created: alice's keys, her MFA devices and the organization's accounts.</summary>
public sealed record SeedData(string AccessKeyId, string SecretAccessKey, string User, IReadOnlyList<string> Devices, IReadOnlyList<SeedAccount> Accounts, string Json)
{
    public static SeedData Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        return new SeedData(
            r.GetProperty("AccessKeyId").GetString()!,
            r.GetProperty("SecretAccessKey").GetString()!,
            r.GetProperty("User").GetString()!,
            r.GetProperty("Devices").EnumerateArray().Select(d => d.GetString()!).ToList(),
            r.GetProperty("Accounts").EnumerateArray().Select(a => new SeedAccount(a.GetProperty("Id").GetString()!, a.GetProperty("Name").GetString()!)).ToList(),
            json);
    }

    public override string ToString() => $"SeedData {{ User = {User}, Devices = {Devices.Count}, Accounts = {Accounts.Count} }}";
}

public sealed record SeedAccount(string Id, string Name);
