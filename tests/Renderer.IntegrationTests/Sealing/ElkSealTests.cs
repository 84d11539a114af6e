using System.Text;
using System.Text.Json.Nodes;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Sealing;

/// <summary>
/// The ELK example's credentials, sealed with <c>fedrender seal</c> and rendered: each cluster's SealedSecret
/// unseals (with Python's cryptography and that cluster's test key) to the plain Secret in tests/keys, and
/// no other cluster's key opens it.
/// </summary>
public sealed class ElkSealTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-seal-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static (int Exit, string Out, string Error) Fedrender(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, () => Stream.Null, RepositoryPaths.Root, new PhysicalFileSystem());
        return (CliApp.Run(args, context), stdout.ToString(), stderr.ToString());
    }

    /// <summary>The plain values the example was sealed from, as bytes by key.</summary>
    private static Dictionary<string, byte[]> PlainValues()
    {
        var (documents, _) = YamlLoader.Load(SourceFile.FromText("plain.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "keys", "elastic-credentials.yaml"))));
        var stringData = Assert.IsType<JsonObject>(documents.Single().Root?["stringData"]);
        return stringData.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value?.GetValue<string>() ?? string.Empty), StringComparer.Ordinal);
    }

    private static void AssertOnlyItsOwnKeyUnseals(string cluster, JsonObject encryptedData, Dictionary<string, byte[]> expected)
    {
        var values = Unsealer.Unseal(Unsealer.KeyOf(cluster), "elastic/elastic-credentials", encryptedData);
        Assert.NotNull(values);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), values.OrderBy(p => p.Key, StringComparer.Ordinal));
        foreach (var other in new[] { "cluster1", "cluster2", "cluster3", "host-cluster" }.Where(c => c != cluster))
        {
            Assert.Null(Unsealer.Unseal(Unsealer.KeyOf(other), "elastic/elastic-credentials", encryptedData));
        }
    }

    [ToolFact(Tool.PythonCryptography)]
    public void EachClustersRenderedSealedSecretUnsealsToThePlainSecretWithItsOwnKeyOnly()
    {
        var output = Path.Combine(temp, "out");
        var (exit, _, error) = Fedrender("render", "examples/elk", "--output", output);
        Assert.True(exit == 0, error);
        var expected = PlainValues();
        var sealedFiles = Directory.GetFiles(output, "sealedsecret.bitnami.com-elastic-credentials.yaml", SearchOption.AllDirectories);
        Assert.Equal(["cluster1", "cluster2", "cluster3"], sealedFiles.Select(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))).Order(StringComparer.Ordinal));
        foreach (var file in sealedFiles)
        {
            var cluster = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(file))) ?? string.Empty;
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("change-me-before-use", text, StringComparison.Ordinal);
            var (documents, _) = YamlLoader.Load(SourceFile.FromText(file, text));
            AssertOnlyItsOwnKeyUnseals(cluster, Assert.IsType<JsonObject>(documents.Single().Root?["spec"]?["encryptedData"]), expected);
        }

        Assert.Empty(Directory.GetFiles(output, "secret-*.yaml", SearchOption.AllDirectories));
    }

    [ToolFact(Tool.PythonCryptography)]
    public void SealingTheExampleAgainWritesNoPlaintextAndUnsealsPerCluster()
    {
        var target = Path.Combine(temp, "credentials.yaml");
        var (exit, stdout, error) = Fedrender("seal", "examples/elk", "--secret", "tests/keys/elastic-credentials.yaml", "--placement-clusters", "cluster1,cluster2,cluster3", "--output", target);
        Assert.True(exit == 0, error);
        var text = File.ReadAllText(target);
        foreach (var plain in new[] { "change-me-before-use", Convert.ToBase64String(Encoding.UTF8.GetBytes("change-me-before-use")) })
        {
            Assert.DoesNotContain(plain, text + stdout + error, StringComparison.Ordinal);
        }

        var (documents, _) = YamlLoader.Load(SourceFile.FromText("credentials.yaml", text));
        var sealedSecret = documents.Single(d => d.Root?["kind"]?.GetValue<string>() == "FederatedSealedSecret").Root;
        var overrides = Assert.IsType<JsonArray>(sealedSecret?["spec"]?["overrides"]);
        Assert.Equal(3, overrides.Count);
        var expected = PlainValues();
        foreach (var entry in overrides)
        {
            var cluster = entry?["clusterName"]?.GetValue<string>() ?? string.Empty;
            AssertOnlyItsOwnKeyUnseals(cluster, Assert.IsType<JsonObject>(entry?["clusterOverrides"]?[0]?["value"]), expected);
        }
    }

    [Fact]
    public void ACertificateThatIsNotThereIsAnErrorNamingTheClusterAndTheFile()
    {
        var certs = Path.Combine(temp, "certs");
        Directory.CreateDirectory(certs);
        File.Copy(Unsealer.CertificateOf("cluster1"), Path.Combine(certs, "cluster1.pem"));
        var (exit, stdout, error) = Fedrender("seal", "examples/elk", "--secret", "tests/keys/elastic-credentials.yaml", "--placement-clusters", "cluster1,cluster2", "--certs", certs);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("FR8103", error, StringComparison.Ordinal);
        Assert.Contains("\"cluster2\"", error, StringComparison.Ordinal);
        Assert.Contains("cluster2.pem", error, StringComparison.Ordinal);
        Assert.DoesNotContain("change-me-before-use", error, StringComparison.Ordinal);
    }
}
