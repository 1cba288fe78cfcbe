using System.Numerics;
using System.Security.Cryptography;

namespace AwsSession.Secrets;

/// <summary>
/// The Secret Service's dh-ietf1024-sha256-aes128-cbc-pkcs7 session, as libsecret negotiates it: Diffie-Hellman over
/// the 1024-bit MODP group of RFC 2409 (generator 2), HKDF-SHA256 of the shared secret (left-padded to 128 bytes, no
/// salt, no info) to an AES-128 key, and AES-CBC with PKCS#7 padding and a fresh IV per secret. Secrets then cross the
/// bus encrypted, not readable by a bus monitor.
/// </summary>
public sealed class SecretServiceCrypto : IDisposable
{
    public const string Algorithm = "dh-ietf1024-sha256-aes128-cbc-pkcs7";

    private static readonly BigInteger Prime = new(Convert.FromHexString(
        "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE65381FFFFFFFFFFFFFFFF"), isUnsigned: true, isBigEndian: true);

    private readonly BigInteger _private = new(RandomNumberGenerator.GetBytes(128), isUnsigned: true, isBigEndian: true);
    private byte[]? _key;

    public byte[] PublicKey => BigInteger.ModPow(2, _private, Prime).ToByteArray(isUnsigned: true, isBigEndian: true);

    /// <summary>Derives the AES key from the service's public key (OpenSession's output).</summary>
    public void Complete(ReadOnlySpan<byte> servicePublicKey)
    {
        var peer = new BigInteger(servicePublicKey, isUnsigned: true, isBigEndian: true);
        if (peer <= 1 || peer >= Prime - 1)
            throw new CryptographicException("the Secret Service sent an invalid public key");
        var shared = BigInteger.ModPow(peer, _private, Prime).ToByteArray(isUnsigned: true, isBigEndian: true);
        var padded = new byte[128];
        shared.CopyTo(padded, 128 - shared.Length);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, padded, 16, [], []);
        CryptographicOperations.ZeroMemory(shared);
        CryptographicOperations.ZeroMemory(padded);
    }

    public (byte[] Iv, byte[] Value) Encrypt(ReadOnlySpan<byte> plain)
    {
        using var aes = Aes.Create();
        aes.Key = _key ?? throw new InvalidOperationException("session not complete");
        var iv = RandomNumberGenerator.GetBytes(16);
        return (iv, aes.EncryptCbc(plain, iv, PaddingMode.PKCS7));
    }

    public byte[] Decrypt(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> value)
    {
        using var aes = Aes.Create();
        aes.Key = _key ?? throw new InvalidOperationException("session not complete");
        return aes.DecryptCbc(value, iv, PaddingMode.PKCS7);
    }

    public void Dispose()
    {
        if (_key is not null)
            CryptographicOperations.ZeroMemory(_key);
    }
}
