using AwsSession.Tests.Integration.Fixtures;

namespace AwsSession.Tests.Integration.Prompts;

/// <summary>
/// The real ykman (Debian's yubikey-manager), with no YubiKey and no pcscd here: what it says on the way to failing
/// must reach the user as its reason, not as its warning. The code path with a key is covered by the stand-in
/// (<see cref="StandInPromptTests"/>).
/// </summary>
[Collection(MotoCollection.Name)]
public sealed class YkmanTests(MotoServer moto) : ProxiedToolTests(moto)
{
    [Fact]
    public async Task The_real_ykman_without_a_yubikey_fails_with_its_reason_on_one_line_and_no_AWS_call()
    {
        var r = await Detached("--no-cache", "--prompt", "ykman", "mfa", Moto.Seed.Devices[0]);

        r.ExitCode.ShouldBe(1, r.ToString());
        r.Stdout.ShouldBeEmpty();
        var line = r.StderrLines.ShouldHaveSingleItem();
        line.ShouldStartWith("aws-session: ykman exited with code ");
        line.ShouldContain("No YubiKey detected");
        Proxy.Calls("GetSessionToken").ShouldBe(0);
    }
}
