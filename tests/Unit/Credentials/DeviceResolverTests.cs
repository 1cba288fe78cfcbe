using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class DeviceResolverTests
{
    private static readonly AwsCredentials Keys = new("AKIAEXAMPLE000000000", "secret");
    private const string First = "arn:aws:iam::123456789012:mfa/alice";
    private const string Second = "arn:aws:iam::123456789012:mfa/alice-phone";

    private readonly RecordingStatus _status = new();

    [Fact]
    public async Task A_configured_serial_is_used_without_asking_IAM()
    {
        var iam = new FakeIam([First]);

        var device = await new DeviceResolver(Second, iam, new FakeSts(), new ScriptedInteraction(true), _status).ResolveAsync(Keys, default);

        device.SerialNumber.ShouldBe(Second);
        iam.Users.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_single_listed_device_is_taken_without_a_picker()
    {
        var interaction = new ScriptedInteraction(true);

        var device = await new DeviceResolver(null, new FakeIam([First]), new FakeSts(), interaction, _status).ResolveAsync(Keys, default);

        device.SerialNumber.ShouldBe(First);
        interaction.Picks.ShouldBe(0);
    }

    [Fact]
    public async Task Several_devices_on_a_terminal_open_the_picker()
    {
        var interaction = new ScriptedInteraction(true) { PickIndex = 1 };

        var device = await new DeviceResolver(null, new FakeIam([First, Second]), new FakeSts(), interaction, _status).ResolveAsync(Keys, default);

        device.SerialNumber.ShouldBe(Second);
        interaction.Picks.ShouldBe(1);
    }

    [Fact]
    public async Task Several_devices_without_a_terminal_take_the_first_and_say_so()
    {
        var interaction = new ScriptedInteraction(false);

        var device = await new DeviceResolver(null, new FakeIam([First, Second]), new FakeSts(), interaction, _status).ResolveAsync(Keys, default);

        device.SerialNumber.ShouldBe(First);
        interaction.Picks.ShouldBe(0);
        _status.Lines.ShouldContain(l => l.StartsWith("note: 2 MFA devices; using " + First, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoSuchEntity_falls_back_to_the_user_name_from_GetCallerIdentity()
    {
        var iam = new FakeIam([First], needsUserName: true);
        var sts = new FakeSts();

        var device = await new DeviceResolver(null, iam, sts, new ScriptedInteraction(false), _status).ResolveAsync(Keys, default);

        device.SerialNumber.ShouldBe(First);
        iam.Users.ShouldBe([null, "alice"]);
        sts.CallerIdentityCalls.ShouldBe(1);
    }

    [Fact]
    public async Task A_role_identity_cannot_list_devices_and_is_told_what_to_pass()
    {
        var sts = new FakeSts { CallerArn = "arn:aws:sts::123456789012:assumed-role/Admin/x" };

        var e = await Should.ThrowAsync<AwsSessionException>(async () =>
            await new DeviceResolver(null, new FakeIam([], needsUserName: true), sts, new ScriptedInteraction(false), _status).ResolveAsync(Keys, default));

        e.Message.ShouldContain("not an IAM user");
        e.Hint!.ShouldContain("DEVICE-ARN");
    }

    [Fact]
    public async Task No_device_at_all_is_a_clear_error()
    {
        var e = await Should.ThrowAsync<AwsSessionException>(async () =>
            await new DeviceResolver(null, new FakeIam([]), new FakeSts(), new ScriptedInteraction(true), _status).ResolveAsync(Keys, default));

        e.Message.ShouldContain("no MFA device");
        e.ExitCode.ShouldBe(1);
    }
}
