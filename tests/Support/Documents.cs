using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Tests.Support;

/// <summary>Builds inputs for stage tests through the real loader and binder.</summary>
public static class Documents
{
    public static IReadOnlyList<SourceDocument> Load(string path, string text)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText(path, text));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return documents;
    }

    /// <summary>JSON is YAML: each node becomes one document of one file.</summary>
    public static IReadOnlyList<SourceDocument> FromJson(string path, IEnumerable<JsonNode> nodes) =>
        Load(path, string.Join("\n---\n", nodes.Select(n => n.ToJsonString())));

    public static (Federation Federation, List<Diagnostic> Diagnostics) Bind(IEnumerable<SourceDocument> documents)
    {
        var (federation, diagnostics) = DocumentBinder.Bind(documents);
        return (federation, diagnostics.ToList());
    }

    public static JsonObject Cluster(string name, JsonObject? labels = null) => new()
    {
        ["apiVersion"] = "core.kubefed.io/v1beta1",
        ["kind"] = "KubeFedCluster",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "kube-federation-system",
            ["labels"] = labels ?? new JsonObject(),
        },
    };

    public static JsonObject Federated(string kind, string name, string? ns, JsonObject spec)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        return new JsonObject
        {
            ["apiVersion"] = "types.kubefed.io/v1beta1",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }
}
