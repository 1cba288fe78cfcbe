using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// The certificate authorities of a <see cref="CaBundle"/> (PEM), as the AWS CLI reads them: when one is configured
/// they replace the system's for every connection to AWS (a proxy that inspects TLS, a private endpoint); otherwise
/// the system's are used.
/// </summary>
public sealed class TrustedRoots
{
    private readonly X509Certificate2Collection _roots;

    private TrustedRoots(X509Certificate2Collection roots) => _roots = roots;

    /// <returns>Null when no bundle is configured.</returns>
    /// <exception cref="UsageException">The file cannot be read or holds no certificate.</exception>
    public static TrustedRoots? From(CaBundle? bundle)
    {
        if (bundle is null)
            return null;
        var (path, origin) = (ErrorText.Printable(bundle.Path), bundle.Origin);
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(bundle.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // Never the parser's message: the file may be anything, a credentials file included.
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                IOException => "cannot read it",
                _ => "not PEM certificates",
            };
            throw new UsageException($"{origin}: cannot read certificates from {path} ({why})", hint: Hint);
        }
        return roots.Count > 0 ? new TrustedRoots(roots) : throw new UsageException($"{origin}: {path} holds no certificate", hint: Hint);
    }

    private const string Hint = "it must name a PEM file of CA certificates";

    /// <summary>Whether a server's certificate names the host and chains to one of these authorities.</summary>
    /// <param name="presented">What the server sent: its intermediates may be needed to reach a root.</param>
    /// <param name="errors">The platform's verdict, against the system's authorities: only its chain errors are overruled.</param>
    public bool Accept(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is not X509Certificate2 leaf || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        return chain.Build(leaf);
    }
}
