using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AwsSession.Tests.Integration.Fixtures;

/// <summary>
/// What a proxy that inspects TLS looks like to aws-session: HTTPS on 127.0.0.1 with a certificate from a private
/// authority (<see cref="CaBundle"/>, a PEM file), the bytes passed on unchanged to a plain-HTTP upstream (moto).
/// </summary>
public sealed class TlsFront : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly X509Certificate2 _certificate;
    private readonly string _dir = Directory.CreateTempSubdirectory("aws-session-tls-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly DnsEndPoint _upstream;

    public TlsFront(string upstream)
    {
        var uri = new Uri(upstream);
        _upstream = new DnsEndPoint(uri.Host, uri.Port);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=aws-session test inspection CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        _certificate = issued.CopyWithPrivateKey(key);
        CaBundle = Path.Combine(_dir, "inspection-ca.pem");
        File.WriteAllText(CaBundle, ca.ExportCertificatePem() + "\n");
        _listener.Start();
        Url = $"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    /// <summary>The authority's certificate, for AWS_CA_BUNDLE.</summary>
    public string CaBundle { get; }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                await using var tls = new SslStream(client.GetStream());
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
                var plain = upstream.GetStream();
                await Task.WhenAny(tls.CopyToAsync(plain, _stop.Token), plain.CopyToAsync(tls, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
            {
                // A client that refused the certificate, or closed: the test reads what the client said.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _loop;
        _certificate.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
