using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Sealing;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Sealing;

/// <summary>
/// fedrender seal, in the core: each cluster's SealedSecret, as render writes it, unseals with that
/// cluster's private key (by an independent implementation) to the plain Secret's values, and with no other.
/// </summary>
public sealed class SealTests
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Federation = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata:
          name: cluster1
          labels: {tier: db}
          annotations: {fedrender.io/sealed-secrets-cert: certs/cluster1.pem}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata:
          name: cluster2
          labels: {tier: db}
          annotations: {fedrender.io/sealed-secrets-cert: certs/cluster2.pem}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata:
          name: cluster3
          annotations: {fedrender.io/sealed-secrets-cert: certs/cluster3.pem}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: shop, namespace: shop}
        spec: {placement: {clusterSelector: {}}}
        """;

    private static string PlainSecret(string annotations = "{}") => $$"""
        apiVersion: v1
        kind: Secret
        metadata:
          name: db-credentials
          namespace: shop
          labels: {app: db}
          annotations: {{annotations}}
        type: Opaque
        data:
          token: {{Convert.ToBase64String([0, 1, 2, 250, 255])}}
        stringData:
          password: "pa55-w0rd-for-the-test"
          username: shop-admin
        """;

    private static readonly Dictionary<string, byte[]> Expected = new(StringComparer.Ordinal)
    {
        ["token"] = [0, 1, 2, 250, 255],
        ["password"] = Encoding.UTF8.GetBytes("pa55-w0rd-for-the-test"),
        ["username"] = Encoding.UTF8.GetBytes("shop-admin"),
    };

    private static SealResult Seal(SealRequest request, Func<SealTarget, CertificateFile>? certificate = null, RandomNumberGenerator? random = null)
    {
        var inputs = new[] { SourceFile.FromText("fed/clusters.yaml", Federation) };
        var plan = FederationRenderer.PlanSeal(inputs, request, LoadLimits.Default);
        certificate ??= t => new CertificateFile(t.CertificatePath ?? string.Empty, File.ReadAllBytes(Unsealer.CertificateOf(t.Cluster)), null);
        var files = plan.Targets.ToDictionary(t => t.Cluster, certificate, StringComparer.Ordinal);
        return SecretSealer.Seal(plan, files, random ?? RandomNumberGenerator.Create(), Now);
    }

    /// <summary>The SealedSecret each cluster receives when the seal output is rendered with the federation.</summary>
    private static Dictionary<string, JsonObject> Rendered(SealResult sealedSecret)
    {
        var inputs = new[] { SourceFile.FromText("fed/clusters.yaml", Federation), SourceFile.FromText("fed/sealed.yaml", sealedSecret.Yaml) };
        var result = FederationRenderer.Render(inputs, RenderOptions.Default);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code != "FR7006");
        var objects = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var cluster in result.Clusters)
        {
            var file = cluster.Files.SingleOrDefault(f => f.RelativePath.Contains("/sealedsecret.bitnami.com-", StringComparison.Ordinal));
            if (file is null) continue;
            var (documents, _) = YamlLoader.Load(SourceFile.FromText(file.RelativePath, file.Content));
            objects[cluster.Cluster] = Assert.IsType<JsonObject>(documents.Single().Root);
        }

        return objects;
    }

    private static JsonObject EncryptedData(JsonObject sealedSecret) => Assert.IsType<JsonObject>(sealedSecret["spec"]?["encryptedData"]);

    [ToolFact(Tool.PythonCryptography)]
    public void EachClusterUnsealsItsOwnSealedSecretToThePlainValuesAndNoOtherKeyDoes()
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1", "cluster2", "cluster3"], null, false));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rendered = Rendered(result);
        Assert.Equal(["cluster1", "cluster2", "cluster3"], rendered.Keys.Order(StringComparer.Ordinal));
        foreach (var (cluster, sealedSecret) in rendered)
        {
            Assert.Equal("bitnami.com/v1alpha1", sealedSecret["apiVersion"]?.GetValue<string>());
            Assert.Equal("Opaque", sealedSecret["spec"]?["template"]?["type"]?.GetValue<string>());
            var values = Unsealer.Unseal(Unsealer.KeyOf(cluster), "shop/db-credentials", EncryptedData(sealedSecret));
            Assert.NotNull(values);
            Assert.Equal(Expected.OrderBy(p => p.Key, StringComparer.Ordinal), values.OrderBy(p => p.Key, StringComparer.Ordinal));
            var other = cluster == "cluster1" ? "cluster2" : "cluster1";
            Assert.Null(Unsealer.Unseal(Unsealer.KeyOf(other), "shop/db-credentials", EncryptedData(sealedSecret)));
        }
    }

    [ToolFact(Tool.PythonCryptography)]
    public void NamespaceWideSealsWithTheNamespaceAsLabel() =>
        TheScopeAnnotationChoosesTheLabelAndReachesTheSealedSecret("{sealedsecrets.bitnami.com/namespace-wide: \"true\"}", "shop", "sealedsecrets.bitnami.com/namespace-wide");

    [ToolFact(Tool.PythonCryptography)]
    public void ClusterWideSealsWithAnEmptyLabel() =>
        TheScopeAnnotationChoosesTheLabelAndReachesTheSealedSecret("{sealedsecrets.bitnami.com/cluster-wide: \"true\"}", string.Empty, "sealedsecrets.bitnami.com/cluster-wide");

    private static void TheScopeAnnotationChoosesTheLabelAndReachesTheSealedSecret(string annotations, string label, string annotation)
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret(annotations)), null, "tier=db", false));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var rendered = Rendered(result);
        Assert.Equal(["cluster1", "cluster2"], rendered.Keys.Order(StringComparer.Ordinal));
        foreach (var (cluster, sealedSecret) in rendered)
        {
            Assert.Equal("true", sealedSecret["metadata"]?["annotations"]?[annotation]?.GetValue<string>());
            Assert.NotNull(Unsealer.Unseal(Unsealer.KeyOf(cluster), label, EncryptedData(sealedSecret)));
            Assert.Null(Unsealer.Unseal(Unsealer.KeyOf(cluster), "shop/db-credentials", EncryptedData(sealedSecret)));
        }
    }

    [Fact]
    public void NoPlaintextIsInTheOutputOrTheDiagnostics()
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret() + "\n  pin: 12345678\n"), ["cluster1"], null, false));
        var text = result.Yaml + string.Join("\n", result.Diagnostics);
        Assert.Contains("FR8110", text, StringComparison.Ordinal);
        foreach (var value in new[] { "pa55-w0rd-for-the-test", "shop-admin", "12345678", Convert.ToBase64String([0, 1, 2, 250, 255]) })
        {
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
        }

        var good = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1"], null, false));
        Assert.DoesNotContain("pa55-w0rd-for-the-test", good.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("shop-admin", good.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTypeConfigIsWrittenOnlyWhenTheInputsLackIt()
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1"], null, false));
        Assert.Equal(2, result.Documents);
        Assert.Contains("name: sealedsecrets.bitnami.com", result.Yaml, StringComparison.Ordinal);
        var typeConfig = result.Yaml.Split("---\n", StringSplitOptions.RemoveEmptyEntries)[0];
        var inputs = new[] { SourceFile.FromText("fed/clusters.yaml", Federation), SourceFile.FromText("fed/ftc.yaml", typeConfig) };
        var plan = FederationRenderer.PlanSeal(inputs, new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1"], null, false), LoadLimits.Default);
        var again = SecretSealer.Seal(plan, plan.Targets.ToDictionary(t => t.Cluster, t => new CertificateFile("c.pem", File.ReadAllBytes(Unsealer.CertificateOf(t.Cluster)), null)), RandomNumberGenerator.Create(), Now);
        Assert.Equal(1, again.Documents);
        Assert.DoesNotContain("FederatedTypeConfig", again.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameRandomBytesGiveTheSameOutput()
    {
        var request = new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1", "cluster2"], null, false);
        Assert.Equal(Seal(request, random: new CountingRandom()).Yaml, Seal(request, random: new CountingRandom()).Yaml);
        Assert.NotEqual(Seal(request).Yaml, Seal(request).Yaml);
    }

    public static TheoryData<string, string> BadCertificates() => new()
    {
        { "missing", "FR8103" },
        { "garbage", "FR8104" },
        { "ecdsa", "FR8105" },
        { "expired", "FR8106" },
    };

    [Theory]
    [MemberData(nameof(BadCertificates))]
    public void ABadCertificateIsAnErrorNamingTheClusterAndTheFile(string kind, string code)
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1", "cluster2"], null, false), t =>
            t.Cluster != "cluster2" ? new CertificateFile(t.CertificatePath ?? string.Empty, File.ReadAllBytes(Unsealer.CertificateOf(t.Cluster)), null)
            : kind == "missing" ? new CertificateFile("fed/certs/cluster2.pem", null, null)
            : new CertificateFile("fed/certs/cluster2.pem", kind switch
            {
                "garbage" => Encoding.UTF8.GetBytes("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"),
                "ecdsa" => Encoding.UTF8.GetBytes(EcdsaCertificate()),
                _ => Encoding.UTF8.GetBytes(ExpiredCertificate()),
            }, null));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(code, error.Code);
        Assert.Contains("\"cluster2\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("fed/certs/cluster2.pem", error.Message, StringComparison.Ordinal);
        Assert.Equal("fed/clusters.yaml", error.Location.File);
        Assert.Empty(result.Yaml);
    }

    [Theory]
    [InlineData("metadata:\n  name: x\n", "metadata.namespace")]
    [InlineData("metadata:\n  namespace: shop\n", "metadata.name")]
    public void ASecretWithoutNameOrNamespaceIsAnError(string metadata, string missing)
    {
        var secret = "apiVersion: v1\nkind: Secret\n" + metadata + "stringData: {a: b}\n";
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", secret), ["cluster1"], null, false));
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal("FR8102", error.Code);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal("secret.yaml", error.Location.File);
    }

    [Theory]
    [InlineData("../outside.pem")]
    [InlineData("/etc/ssl/cert.pem")]
    public void ACertificatePathOutsideTheClustersDirectoryIsRefused(string path)
    {
        var federation = Federation.Replace("certs/cluster1.pem", path, StringComparison.Ordinal);
        var plan = FederationRenderer.PlanSeal([SourceFile.FromText("fed/clusters.yaml", federation)], new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1"], null, false), LoadLimits.Default);
        Assert.Equal("FR8111", Assert.Single(plan.Diagnostics, d => d.IsError).Code);
        Assert.Empty(plan.Targets);
    }

    [Fact]
    public void AnUnregisteredClusterIsAnError()
    {
        var result = Seal(new SealRequest(SourceFile.FromText("secret.yaml", PlainSecret()), ["cluster1", "cluster9"], null, false));
        Assert.Equal("FR8107", Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    private static string EcdsaCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=not-rsa", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(Now.AddYears(-1), Now.AddYears(1));
        return certificate.ExportCertificatePem();
    }

    private static string ExpiredCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=expired", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(Now.AddYears(-2), Now.AddDays(-1));
        return certificate.ExportCertificatePem();
    }

    /// <summary>Not random at all: the same bytes every time, so that two seals can be compared.</summary>
    private sealed class CountingRandom : RandomNumberGenerator
    {
        private byte next;

        public override void GetBytes(byte[] data)
        {
            for (var i = 0; i < data.Length; i++) data[i] = next++;
        }
    }
}
