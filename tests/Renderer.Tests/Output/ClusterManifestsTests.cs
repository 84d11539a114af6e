using System.Security.Cryptography;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Tests.Output;

/// <summary>What a render hands a writer: each file's bytes and hash, and the apply order, with the files.</summary>
public sealed class ClusterManifestsTests
{
    private static readonly string Elk = Path.Combine(Support.RepositoryPaths.Root, "examples", "elk");

    private static RenderResult RenderElk() =>
        FederationRenderer.Render(
            Directory.GetFiles(Elk, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new SourceFile(Path.GetRelativePath(Elk, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToList(),
            RenderOptions.Default);

    [Fact]
    public void EachFileCarriesTheSha256OfItsUtf8Bytes()
    {
        var result = RenderElk();
        Assert.False(result.HasErrors);
        foreach (var file in result.Clusters.SelectMany(c => c.Files))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(file.Content);
            Assert.Equal(bytes, file.Utf8.ToArray());
            Assert.Equal(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), file.ContentHash);
            Assert.Equal(file.ContentHash, OutputFile.HashOf(bytes));
        }
    }

    [Fact]
    public void ApplyOrderIsTheOrderKustomizationListsAndHoldsEveryObjectFile()
    {
        var result = RenderElk();
        Assert.NotEmpty(result.Clusters);
        foreach (var cluster in result.Clusters)
        {
            var kustomization = cluster.Files.Single(f => f.RelativePath == ManifestLayout.KustomizationFile).Content;
            var listed = kustomization.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
            Assert.Equal(listed, cluster.ApplyOrder.Select(f => f.RelativePath));
            Assert.Equal(
                cluster.Files.Where(f => f.RelativePath != ManifestLayout.KustomizationFile).Select(f => f.Content),
                cluster.ApplyOrder.OrderBy(f => f.RelativePath, StringComparer.Ordinal).Select(f => f.Content));
        }
    }

    [Fact]
    public void AnObjectWithoutOverridesIsOneSharedFileOnEveryCluster()
    {
        var result = FederationRenderer.Render([SourceFile.FromText("fleet.yaml", Renderer.Benchmarks.SyntheticFederation.Generate(2, 3))], RenderOptions.Default);
        Assert.False(result.HasErrors);
        // FederatedService app-0000 has no overrides: its file is one instance, hashed once, on all three clusters.
        var services = result.Clusters.Select(c => c.Files.Single(f => f.RelativePath == "fleet/service-app-0000.yaml")).ToList();
        Assert.Equal(3, services.Count);
        Assert.All(services, s => Assert.Same(services[0], s));
        // The Deployment has overrides on every cluster: each cluster has its own text.
        var deployments = result.Clusters.Select(c => c.Files.Single(f => f.RelativePath == "fleet/deployment-app-0000.yaml").Content).ToList();
        Assert.Equal(3, deployments.Distinct().Count());
    }
}
