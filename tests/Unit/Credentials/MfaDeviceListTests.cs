using System.Net;
using AwsSession.Aws;
using AwsSession.Credentials;
using AwsSession.Domain;
using AwsSession.Logging;

namespace AwsSession.Tests.Unit.Credentials;

public sealed class MfaDeviceListTests
{
    private static readonly AwsCredentials Keys = new("AKIAEXAMPLEEXAMPLE", "secret");

    [Fact]
    public async Task IAM_answers_for_the_signing_user()
    {
        var iam = new Iam(needsUserName: false);

        var (devices, user) = await MfaDeviceList.ListAsync(iam, new Sts(), Keys, new StderrStatus(new StringWriter(), false), CancellationToken.None);

        devices.ShouldHaveSingleItem().SerialNumber.ShouldBe("arn:aws:iam::123456789012:mfa/alice");
        user.ShouldBeNull();
        iam.UserNames.ShouldBe([null]);
    }

    [Fact]
    public async Task An_emulator_that_needs_UserName_gets_it_from_GetCallerIdentity()
    {
        var iam = new Iam(needsUserName: true);

        var (devices, user) = await MfaDeviceList.ListAsync(iam, new Sts(), Keys, new StderrStatus(new StringWriter(), false), CancellationToken.None);

        user.ShouldBe("alice");
        devices.ShouldHaveSingleItem();
        iam.UserNames.ShouldBe([null, "alice"]);
    }

    private sealed class Iam(bool needsUserName) : IIamGateway
    {
        public List<string?> UserNames { get; } = [];

        public Task<IReadOnlyList<MfaDevice>> ListMfaDevicesAsync(AwsCredentials credentials, string? userName, CancellationToken ct)
        {
            UserNames.Add(userName);
            if (needsUserName && userName is null)
                throw new AwsSessionException("IAM refused", inner: new AwsApiException("IAM", "ValidationError", "UserName required", HttpStatusCode.BadRequest));
            return Task.FromResult<IReadOnlyList<MfaDevice>>([new MfaDevice("arn:aws:iam::123456789012:mfa/alice")]);
        }
    }

    private sealed class Sts : IStsGateway
    {
        public Task<AwsCredentials> GetSessionTokenAsync(AwsCredentials b, string s, string c, TimeSpan d, CancellationToken ct) => throw new NotSupportedException();

        public Task<AwsCredentials> AssumeRoleAsync(AwsCredentials s, RoleRequest r, CancellationToken ct) => throw new NotSupportedException();

        public Task<CallerIdentity> GetCallerIdentityAsync(AwsCredentials c, CancellationToken ct) =>
            Task.FromResult(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", "AIDAEXAMPLE"));
    }
}
