using System.Text.Json;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;
using Renderer.Tests.Support;

namespace Renderer.Tests.Conformance;

/// <summary>Placement (rules 1-11) against KubeFed's placement tests and derived vectors.</summary>
public sealed class PlacementConformanceTests
{
    private const string File = "placement.json";
    private const string Namespace = "ns1";

    public static TheoryData<string> Cases => ConformanceVectors.Names(File);

    [Theory]
    [MemberData(nameof(Cases))]
    public void PlacementSelectsWhatKubeFedSelected(string name)
    {
        var entry = ConformanceVectors.Entry(File, name);
        var nodes = RegisteredClusters(entry);
        var placement = entry["placement"]?.DeepClone() as JsonObject ?? new JsonObject();
        nodes.Add(Documents.Federated("FederatedConfigMap", "cfg", Namespace, new JsonObject { ["placement"] = placement }));
        var hasNamespaceField = entry.ContainsKey("federatedNamespacePlacement");
        if (entry["federatedNamespacePlacement"] is JsonObject namespacePlacement)
        {
            nodes.Add(Documents.Federated("FederatedNamespace", Namespace, Namespace, new JsonObject { ["placement"] = namespacePlacement.DeepClone() }));
        }

        var (federation, diagnostics) = Documents.Bind(Documents.FromJson("placement.yaml", nodes));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        var resource = federation.Resources.Single(r => r.FederatedKind == "FederatedConfigMap");

        ClusterSelection selection;
        if (hasNamespaceField)
        {
            var scope = entry["limitedScope"] is JsonValue limited && limited.GetValue<bool>() ? ControlPlaneScope.Namespaced : ControlPlaneScope.Cluster;
            selection = NamespacePlacement.Resolve(federation, scope, diagnostics)[resource];
        }
        else
        {
            selection = PlacementResolver.Select(resource.Placement, federation.Clusters, resource.Document, diagnostics);
        }

        if (entry["expected"] is not JsonArray expected || expected.Count == 0 && entry["expectedError"] is JsonValue { } error && error.GetValueKind() == JsonValueKind.String)
        {
            Assert.False(selection.Valid, $"{name}: expected an invalid selector");
            Assert.Empty(selection.Clusters);
            Assert.Contains(diagnostics, d => d.Code == "FR3002" && d.Severity == Severity.Error && d.Location.Line > 0);
            return;
        }

        var want = expected.Select(n => (string?)n ?? string.Empty).Order(StringComparer.Ordinal).ToList();
        Assert.True(selection.Valid);
        Assert.Equal(want, selection.Clusters);
    }

    /// <summary>A KubeFedCluster document for each of the vector's registered clusters.</summary>
    internal static List<JsonNode> RegisteredClusters(JsonObject entry) =>
        (entry["registeredClusters"]?.AsArray().OfType<JsonObject>() ?? [])
            .Select(c => (JsonNode)Documents.Cluster((string?)c["name"] ?? string.Empty, c["labels"]?.DeepClone() as JsonObject))
            .ToList();
}
