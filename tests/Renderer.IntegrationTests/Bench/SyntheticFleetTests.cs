using System.Text.Json.Nodes;
using Renderer.Benchmarks;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Bench;

/// <summary>The benchmark's fleet means the same thing to fedrender and to kustomize: on a sample, both produce the same objects.</summary>
public sealed class SyntheticFleetTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fedrender-fleet-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [ToolFact(Tool.Kubectl)]
    public void FedrenderAndKustomizeProduceTheSameObjects()
    {
        const int apps = 5, clusters = 3;
        var plan = FederationRenderer.Plan([SourceFile.FromText("fleet.yaml", SyntheticFederation.Generate(apps, clusters))], RenderOptions.Default);
        Assert.Empty(plan.Diagnostics);
        SyntheticFederation.WriteKustomize(apps, clusters, directory);

        foreach (var cluster in plan.Clusters)
        {
            var ours = cluster.Objects.ToDictionary(o => $"{o.Kind}/{o.Source.Name}", o => (JsonNode)o.Object, StringComparer.Ordinal);
            var theirs = Kustomize(Path.Combine(directory, "overlays", cluster.Cluster));
            Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), theirs.Keys.Order(StringComparer.Ordinal));
            foreach (var (key, value) in ours)
            {
                Assert.True(JsonNode.DeepEquals(value, theirs[key]), $"{cluster.Cluster} {key}:\nfedrender {value.ToJsonString()}\nkustomize {theirs[key]?.ToJsonString()}");
            }
        }

        Assert.Equal(clusters, plan.Clusters.Count);
        Assert.Equal(clusters * (1 + (3 * apps)), plan.Clusters.Sum(c => c.Objects.Count));
    }

    private static Dictionary<string, JsonNode?> Kustomize(string overlay)
    {
        var built = ExternalTool.Kubectl.Run(["kustomize", overlay]);
        Assert.True(built.Exit == 0, built.Error);
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText("kustomize.yaml", built.Out));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return documents.Where(d => d.Root is not null).ToDictionary(d => $"{(string?)d.Root?["kind"]}/{(string?)d.Root?["metadata"]?["name"]}", d => d.Root, StringComparer.Ordinal);
    }
}
