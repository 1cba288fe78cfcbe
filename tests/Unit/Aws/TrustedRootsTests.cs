using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AwsSession.Aws;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Tests.Unit.Aws;

public sealed class TrustedRootsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trusted-roots-").FullName;

    [Fact]
    public void Without_a_bundle_the_system_authorities_are_used()
    {
        TrustedRoots.From(null).ShouldBeNull();
    }

    [Fact]
    public void A_server_certificate_is_accepted_only_when_it_chains_to_the_bundle_and_names_the_host()
    {
        using var ca = Authority("bundle CA");
        using var other = Authority("another CA");
        using var leaf = Issue(ca);
        using var stranger = Issue(other);
        var roots = Load(ca);

        roots.Accept(leaf, null, SslPolicyErrors.RemoteCertificateChainErrors).ShouldBeTrue();
        roots.Accept(leaf, null, SslPolicyErrors.None).ShouldBeTrue();
        roots.Accept(stranger, null, SslPolicyErrors.None).ShouldBeFalse("the bundle replaces the system's authorities");
        roots.Accept(leaf, null, SslPolicyErrors.RemoteCertificateNameMismatch).ShouldBeFalse();
        roots.Accept(null, null, SslPolicyErrors.RemoteCertificateNotAvailable).ShouldBeFalse();
    }

    [Fact]
    public void A_file_that_is_missing_or_holds_no_certificate_is_a_usage_error_naming_where_it_was_set()
    {
        var missing = Path.Combine(_dir, "missing.pem");
        var text = Path.Combine(_dir, "text.pem");
        File.WriteAllText(text, "not a certificate\n");

        foreach (var path in new[] { missing, text })
        {
            foreach (var origin in new[] { "AWS_CA_BUNDLE", "profile 'work': ca_bundle" })
            {
                var e = Should.Throw<UsageException>(() => TrustedRoots.From(new CaBundle(path, origin)));
                e.ExitCode.ShouldBe(ExitCodes.Usage);
                e.Message.ShouldStartWith($"{origin}: ");
                e.Message.ShouldContain(path);
            }
        }
    }

    private TrustedRoots Load(X509Certificate2 ca)
    {
        var path = Path.Combine(_dir, Guid.NewGuid() + ".pem");
        File.WriteAllText(path, ca.ExportCertificatePem() + "\n");
        return TrustedRoots.From(new CaBundle(path, "AWS_CA_BUNDLE")).ShouldNotBeNull();
    }

    private static X509Certificate2 Authority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), [5, 6, 7, 8]);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
