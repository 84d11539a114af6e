using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// The reverse direction, as <c>kubefedctl federate</c> did it: each plain object becomes a
/// <c>Federated&lt;Kind&gt;</c> whose template is the object without apiVersion, kind, status and all
/// metadata but labels; a Service loses its cluster IPs and node ports, a ServiceAccount its secrets, a
/// Namespace its finalizers. Placement selects every cluster unless clusters are named; there are no overrides.
/// </summary>
public static class Federator
{
    public static (IReadOnlyList<JsonObject> Documents, IReadOnlyList<Diagnostic> Diagnostics) Federate(IEnumerable<SourceDocument> documents, FederateOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var all = documents.Where(d => d.Root is not null).ToList();
        var typeConfigs = DocumentBinder.Bind(all.Where(IsTypeConfig)).Federation.TypeConfigs;
        var byKind = typeConfigs.ToDictionary(t => (t.Target.Group, t.Target.Kind), t => t);
        var result = new List<(string Sort, JsonObject Document)>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var document in all)
        {
            if (IsTypeConfig(document)) continue;
            if (document.Root is not JsonObject root)
            {
                diagnostics.Add(DocumentDiagnostics.NotAMapping(document.Start));
                continue;
            }

            var reader = new DocumentReader(document, diagnostics);
            var apiVersion = reader.RequiredString(root, string.Empty, "apiVersion", "apiVersion", "The document");
            var kind = reader.RequiredString(root, string.Empty, "kind", "kind", "The document");
            var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
            var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", kind ?? "The document");
            var ns = reader.String(metadata, "/metadata", "namespace", "metadata.namespace");
            if (apiVersion is null || kind is null || name is null) continue;

            if (apiVersion.StartsWith(DocumentBinder.TypesGroup + "/", StringComparison.Ordinal) || apiVersion.EndsWith(".kubefed.io/v1beta1", StringComparison.Ordinal) || apiVersion.StartsWith("scheduling.kubefed.io/", StringComparison.Ordinal))
            {
                diagnostics.Add(FederateDiagnostics.AlreadyFederated(document.At("/kind"), kind));
                continue;
            }

            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            var target = byKind.GetValueOrDefault((group, kind))?.Target ?? BuiltIn(group, kind);
            if (target is null)
            {
                diagnostics.Add(FederateDiagnostics.UnknownKind(document.At("/kind"), apiVersion, kind));
                continue;
            }

            var federatedKind = byKind.GetValueOrDefault((group, kind))?.FederatedKind ?? target.FederatedKind;
            if (target.Namespaced && ns is null)
            {
                diagnostics.Add(FederateDiagnostics.NoNamespace(document.At("/metadata"), kind, name));
                continue;
            }

            var identity = $"{group}/{kind}/{(target.Namespaced ? ns : string.Empty)}/{name}";
            if (seen.TryGetValue(identity, out var first))
            {
                diagnostics.Add(FederateDiagnostics.DuplicateObject(document.At("/metadata/name"), target.Namespaced ? $"{kind} {ns}/{name}" : $"{kind} {name}", first));
                continue;
            }

            seen[identity] = document.At("/metadata/name");
            var federatedNamespace = DocumentBinder.IsNamespace(target) ? name : target.Namespaced ? ns : null;
            if (target.Namespaced && ns is not null) namespaces.Add(ns);
            result.Add((SortKey(federatedKind, federatedNamespace, name), Wrap(federatedKind, name, federatedNamespace, Template(root, target), options)));
        }

        if (options.NamespaceToo)
        {
            var existing = result.Where(r => (string?)r.Document["kind"] == "FederatedNamespace").Select(r => (string?)r.Document["metadata"].Get("name")).ToHashSet(StringComparer.Ordinal);
            foreach (var ns in namespaces.Where(n => !existing.Contains(n)))
            {
                result.Add((SortKey("FederatedNamespace", ns, ns), Wrap("FederatedNamespace", ns, ns, new JsonObject(), options)));
            }
        }

        return (result.OrderBy(r => r.Sort, StringComparer.Ordinal).Select(r => r.Document).ToList(), diagnostics);
    }

    private static bool IsTypeConfig(SourceDocument document) =>
        document.Root is JsonObject root && JsonKinds.IsString(root["kind"], out var kind) && kind == "FederatedTypeConfig"
        && JsonKinds.IsString(root["apiVersion"], out var apiVersion) && apiVersion == DocumentBinder.CoreApiVersion;

    private static string SortKey(string kind, string? ns, string name) =>
        $"{(kind == "FederatedNamespace" ? 0 : 1)}\u0000{ns}\u0000{kind}\u0000{name}";

    private static TargetType? BuiltIn(string group, string kind) =>
        BuiltInTypes.ForKind(kind) is { } target && target.Group == group ? target : null;

    /// <summary>The target minus what KubeFed's federate stripped.</summary>
    public static JsonObject Template(JsonObject plain, TargetType target)
    {
        var template = new JsonObject();
        foreach (var (key, value) in plain)
        {
            switch (key)
            {
                case "apiVersion" or "kind" or "status":
                    continue;
                case "metadata":
                    if (value.Get("labels") is JsonObject labels && labels.Count > 0) template["metadata"] = new JsonObject { ["labels"] = labels.DeepClone() };
                    continue;
                default:
                    template[key] = value?.DeepClone();
                    break;
            }
        }

        if (target.Group.Length == 0)
        {
            switch (target.Kind)
            {
                case "Service" when template["spec"] is JsonObject spec:
                    spec.Remove("clusterIP");
                    spec.Remove("clusterIPs");
                    foreach (var port in spec["ports"] as JsonArray ?? []) (port as JsonObject)?.Remove("nodePort");
                    break;
                case "ServiceAccount":
                    template.Remove("secrets");
                    break;
                case "Namespace" when template["spec"] is JsonObject spec:
                    spec.Remove("finalizers");
                    if (spec.Count == 0) template.Remove("spec");
                    break;
            }
        }

        return template;
    }

    private static JsonObject Wrap(string federatedKind, string name, string? ns, JsonObject template, FederateOptions options)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null) metadata["namespace"] = ns;
        JsonObject placement = options.PlacementClusters is { } clusters
            ? new JsonObject { ["clusters"] = new JsonArray(clusters.Select(c => (JsonNode)new JsonObject { ["name"] = c }).ToArray()) }
            : new JsonObject { ["clusterSelector"] = new JsonObject { ["matchLabels"] = new JsonObject() } };
        return new JsonObject
        {
            ["apiVersion"] = DocumentBinder.TypesApiVersion,
            ["kind"] = federatedKind,
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["template"] = template, ["placement"] = placement },
        };
    }
}
