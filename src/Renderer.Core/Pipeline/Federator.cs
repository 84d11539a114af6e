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
    /// <summary>
    /// Federates <paramref name="documents"/>; the CustomResourceDefinitions among them and among
    /// <paramref name="schemas"/> (the <c>--schemas</c> sources, of which nothing else is read) define the custom kinds.
    /// </summary>
    public static (IReadOnlyList<JsonObject> Documents, IReadOnlyList<Diagnostic> Diagnostics) Federate(IEnumerable<SourceDocument> documents, IEnumerable<SourceDocument> schemas, FederateOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        var all = documents.Where(d => d.Root is not null).ToList();
        var typeConfigs = DocumentBinder.Bind(all.Where(IsTypeConfig)).Federation.TypeConfigs;
        var byKind = typeConfigs.ToDictionary(t => (t.Target.Group, t.Target.Kind), t => t);
        var result = new List<(string Sort, JsonObject Document)>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var namespaces = new SortedSet<string>(StringComparer.Ordinal);
        // The inputs' own definitions first: a kind the inputs define keeps their definition.
        var definitions = CustomKinds(all.Concat(schemas.Where(d => d.Root is not null)));
        var generated = new HashSet<(string, string)>();

        foreach (var document in all)
        {
            if (IsTypeConfig(document) || IsDefinition(document)) continue;
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
            if (target is null && definitions.TryGetValue((group, kind), out var definition))
            {
                var version = apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
                if (!definition.Versions.Contains(version))
                {
                    diagnostics.Add(FederateDiagnostics.UndeclaredVersion(document.At("/apiVersion"), apiVersion, kind, string.Join(", ", definition.Versions.Select(v => group + "/" + v))));
                    continue;
                }

                target = new TargetType(group, version, kind, definition.Plural, definition.Namespaced);
                if (generated.Add((group, kind))) result.Add(($"\u0000{target.ConfigName}", TypeConfig(target)));
            }

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

    private static bool IsDefinition(SourceDocument document) =>
        document.Root is JsonObject root && JsonKinds.IsString(root["kind"], out var kind) && kind == "CustomResourceDefinition"
        && JsonKinds.IsString(root["apiVersion"], out var apiVersion) && apiVersion.StartsWith("apiextensions.k8s.io/", StringComparison.Ordinal);

    private sealed record CustomKind(string Plural, bool Namespaced, IReadOnlySet<string> Versions);

    /// <summary>The kinds the CustomResourceDefinitions among the inputs define, by (group, kind).</summary>
    private static Dictionary<(string Group, string Kind), CustomKind> CustomKinds(IEnumerable<SourceDocument> documents)
    {
        var kinds = new Dictionary<(string Group, string Kind), CustomKind>();
        foreach (var document in documents.Where(IsDefinition))
        {
            var spec = document.Root.Get("spec");
            if (!JsonKinds.IsString(spec.Get("group"), out var group) || !JsonKinds.IsString(spec.Get("names").Get("kind"), out var kind)
                || !JsonKinds.IsString(spec.Get("names").Get("plural"), out var plural)) continue;
            var versions = (spec.Get("versions") as JsonArray ?? []).Select(v => JsonKinds.IsString(v.Get("name"), out var name) ? name : string.Empty).Where(v => v.Length > 0).ToHashSet(StringComparer.Ordinal);
            kinds.TryAdd((group, kind), new CustomKind(plural, JsonKinds.IsString(spec.Get("scope"), out var scope) && scope == "Namespaced", versions));
        }

        return kinds;
    }

    /// <summary>
    /// The FederatedTypeConfig <c>kubefedctl enable</c> (run by <c>kubefedctl federate --enable-type</c>) created for a
    /// target type: named <c>plural.group</c>, in the KubeFed namespace, the federated type
    /// <c>types.kubefed.io/v1beta1 Federated&lt;Kind&gt;</c> with the plural <c>federated&lt;plural&gt;</c> and the target's scope.
    /// </summary>
    public static JsonObject TypeConfig(TargetType target)
    {
        var scope = target.Namespaced ? "Namespaced" : "Cluster";
        return new JsonObject
        {
            ["apiVersion"] = DocumentBinder.CoreApiVersion,
            ["kind"] = "FederatedTypeConfig",
            ["metadata"] = new JsonObject { ["name"] = target.ConfigName, ["namespace"] = "kube-federation-system" },
            ["spec"] = new JsonObject
            {
                ["targetType"] = new JsonObject { ["group"] = target.Group, ["version"] = target.Version, ["kind"] = target.Kind, ["pluralName"] = target.Plural, ["scope"] = scope },
                ["propagation"] = "Enabled",
                ["federatedType"] = new JsonObject
                {
                    ["group"] = DocumentBinder.TypesGroup, ["version"] = "v1beta1", ["kind"] = target.FederatedKind, ["pluralName"] = "federated" + target.Plural, ["scope"] = scope,
                },
            },
        };
    }

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
