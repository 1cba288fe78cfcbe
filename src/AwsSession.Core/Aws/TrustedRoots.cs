using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AwsSession.Config;
using AwsSession.Domain;

namespace AwsSession.Aws;

/// <summary>
/// The certificate authorities in the file AWS_CA_BUNDLE names (PEM), as the AWS CLI reads it: when it is set, they
/// replace the system's for every connection to AWS (a proxy that inspects TLS, a private endpoint); unset, the
/// system's are used.
/// </summary>
public sealed class TrustedRoots
{
    public const string Variable = "AWS_CA_BUNDLE";

    private readonly X509Certificate2Collection _roots;

    private TrustedRoots(X509Certificate2Collection roots) => _roots = roots;

    /// <returns>Null when AWS_CA_BUNDLE is unset.</returns>
    /// <exception cref="UsageException">The file cannot be read or holds no certificate.</exception>
    public static TrustedRoots? From(EnvironmentVariables env)
    {
        if (env.Get(Variable) is not { } path)
            return null;
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
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
            throw new UsageException($"{Variable}: cannot read certificates from {path} ({why})", hint: "it must name a PEM file of CA certificates");
        }
        return roots.Count > 0 ? new TrustedRoots(roots)
            : throw new UsageException($"{Variable}: {path} holds no certificate", hint: "it must name a PEM file of CA certificates");
    }

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
