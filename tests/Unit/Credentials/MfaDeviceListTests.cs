using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Tests.Unit.Fakes;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class MfaDeviceListTests
{
    private const string Alice = "arn:aws:iam::123456789012:mfa/alice";
    private static readonly AwsCredentials Keys = new("AKIAEXAMPLEEXAMPLE", "secret");
    private readonly RecordingStatus _status = new();

    [Fact]
    public async Task IAM_answers_for_the_signing_user()
    {
        var iam = new FakeIam([Alice]);
        var sts = new FakeSts();

        var (devices, user) = await MfaDeviceList.ListAsync(iam, sts, Keys, _status, CancellationToken.None);

        devices.ShouldHaveSingleItem().SerialNumber.ShouldBe(Alice);
        user.ShouldBeNull();
        iam.Users.ShouldBe([null]);
        sts.CallerIdentityCalls.ShouldBe(0);
    }

    [Theory]
    [InlineData("NoSuchEntity")]
    [InlineData("ValidationError")]
    public async Task An_emulator_that_needs_UserName_gets_it_from_GetCallerIdentity(string refusal)
    {
        var iam = new FakeIam([Alice], needsUserName: true) { RefusalCode = refusal };

        var (devices, user) = await MfaDeviceList.ListAsync(iam, new FakeSts(), Keys, _status, CancellationToken.None);

        user.ShouldBe("alice");
        devices.ShouldHaveSingleItem().SerialNumber.ShouldBe(Alice);
        iam.Users.ShouldBe([null, "alice"]);
    }
}
