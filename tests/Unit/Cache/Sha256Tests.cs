using System.Security.Cryptography;
using AwsSession.Cache;

namespace AwsSession.Tests.Unit.Cache;

/// <summary>The managed SHA-256 behind cache file names must match the platform's, bit for bit.</summary>
public sealed class Sha256Tests
{
    [Fact]
    public void Matches_the_FIPS_test_vector() =>
        Convert.ToHexStringLower(Sha256.Hash("abc"u8)).ShouldBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    [Fact]
    public void Matches_the_platform_at_every_length_around_the_block_boundaries()
    {
        var random = new Random(7);
        for (var length = 0; length <= 200; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            Sha256.Hash(data).ShouldBe(SHA256.HashData(data), $"length {length}");
        }
    }
}
