using AwsSession.Secrets;

namespace AwsSession.Tests.Unit.Secrets;

public sealed class SecretServiceCryptoTests
{
    [Fact]
    public void Two_ends_of_the_dh_session_derive_the_same_key_and_each_secret_gets_a_fresh_iv()
    {
        using var client = new SecretServiceCrypto();
        using var service = new SecretServiceCrypto();
        client.Complete(service.PublicKey);
        service.Complete(client.PublicKey);
        var plain = "{\"secret\":\"x\"}"u8.ToArray();

        var (iv1, value1) = client.Encrypt(plain);
        var (iv2, value2) = client.Encrypt(plain);

        service.Decrypt(iv1, value1).ShouldBe(plain);
        iv1.ShouldNotBe(iv2);
        value1.ShouldNotBe(value2);
    }

    [Fact]
    public void A_degenerate_public_key_from_the_service_is_refused()
    {
        using var client = new SecretServiceCrypto();

        Should.Throw<System.Security.Cryptography.CryptographicException>(() => client.Complete([1]));
    }
}
