using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Renderer.Core.Sealing;

/// <summary>
/// A cluster's sealing certificate: the PEM that <c>kubeseal --fetch-cert</c> prints, read from bytes (the
/// CLI reads the file), checked for an RSA key and for being valid at the time given.
/// </summary>
public sealed record SealingCertificate(RSAParameters PublicKey, DateTimeOffset NotAfter)
{
    /// <summary>The certificate, or null and the reason it cannot be used; <paramref name="detail"/> says more for the message.</summary>
    public static SealingCertificate? Read(ReadOnlySpan<byte> pem, DateTimeOffset now, out CertificateProblem problem, out string detail)
    {
        detail = string.Empty;
        X509Certificate2 certificate;
        try
        {
            var text = new UTF8Encoding(false, true).GetString(pem);
            if (!text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                problem = CertificateProblem.Unreadable;
                detail = "it holds no PEM block BEGIN CERTIFICATE";
                return null;
            }

            certificate = X509Certificate2.CreateFromPem(text);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or DecoderFallbackException)
        {
            problem = CertificateProblem.Unreadable;
            detail = "it is not a readable X.509 certificate in PEM";
            return null;
        }

        using (certificate)
        {
            using var rsa = certificate.GetRSAPublicKey();
            if (rsa is null)
            {
                problem = CertificateProblem.NotRsa;
                detail = $"its key is {certificate.PublicKey.Oid.FriendlyName ?? certificate.PublicKey.Oid.Value ?? "not RSA"}";
                return null;
            }

            if (rsa.KeySize < 2048)
            {
                problem = CertificateProblem.WeakKey;
                detail = $"its RSA key has {rsa.KeySize} bits, fewer than 2048";
                return null;
            }

            var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            var notBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            if (notAfter < now)
            {
                problem = CertificateProblem.Expired;
                detail = "it expired on " + notAfter.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return null;
            }

            if (notBefore > now)
            {
                problem = CertificateProblem.NotYetValid;
                detail = "it is valid only from " + notBefore.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                return null;
            }

            problem = CertificateProblem.None;
            return new SealingCertificate(rsa.ExportParameters(false), notAfter);
        }
    }
}
