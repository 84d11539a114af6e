using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Patching;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Turns a KubeFed federation into Karmada documents that give every cluster the same objects (less the
/// <c>kubefed.io/managed</c> label): KubeFedClusters become Clusters, each Federated resource a resource
/// template with a PropagationPolicy (ClusterPropagationPolicy when cluster-scoped) and, when it has
/// overrides, an OverridePolicy (ClusterOverridePolicy). The mapping is docs/karmada.md's; what has no
/// Karmada equivalent is migrated by its exact workaround, with a warning at the source line.
/// </summary>
public static class Migrator
{
    public const string ClustersFile = "karmada/clusters.yaml";
    public const string OptionsFile = "karmada/karmada-controller-manager.yaml";

    /// <summary>Standard namespaces kept out of propagation when a migrated resource needs a kube-* namespace.</summary>
    private static readonly string[] KubeNamespaces = ["kube-node-lease", "kube-public", "kube-system"];

    public static IReadOnlyList<OutputFile> Migrate(IReadOnlyList<SourceDocument> documents, ControlPlaneScope defaultScope, List<Diagnostic> diagnostics)
    {
        var ignored = new List<Diagnostic>();
        var (bound, _) = DocumentBinder.Bind(documents);
        var federation = ReplicaScheduler.Apply(bound, ignored);
        var scope = federation.Config?.Scope ?? defaultScope;
        if (scope == ControlPlaneScope.Namespaced && federation.Config is { } config) diagnostics.Add(MigrationDiagnostics.NamespacedControlPlane(config.Location));
        var placements = NamespacePlacement.Resolve(federation, scope, ignored);
        var files = new List<OutputFile>();
        var all = federation.Clusters.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

        files.Add(new OutputFile(ClustersFile, Write("the KubeFedClusters", Clusters(documents, federation))));

        foreach (var crd in federation.CustomResourceDefinitions)
        {
            if (crd.Root is JsonObject root && JsonKinds.IsString(root.At("/metadata/name"), out var name))
            {
                files.Add(new OutputFile($"{ManifestLayout.ClusterScopedFolder}/customresourcedefinition-{name}.yaml", Write(crd.File, [root.DeepClone()])));
            }
        }

        foreach (var type in federation.TypeConfigs.Where(t => !t.IsBuiltIn && BuiltInTypes.ForKind(t.Target.Kind)?.Group != t.Target.Group))
        {
            var defined = federation.CustomResourceDefinitions.Any(d => JsonKinds.IsString(d.Root.At("/spec/names/kind"), out var k) && k == type.Target.Kind
                && JsonKinds.IsString(d.Root.At("/spec/group"), out var g) && g == type.Target.Group);
            if (!defined) diagnostics.Add(MigrationDiagnostics.NoCustomResourceDefinition(type.Location, type.Target.Kind));
        }

        var usedNamespaces = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var resource in federation.Resources)
        {
            if (DocumentBinder.IsNamespace(resource.Target))
            {
                if (NamespacePlacement.SystemNamespaces.Contains(resource.Name)) continue;
                files.Add(new OutputFile(ManifestLayout.PathOf(resource), Write(resource.Document.File, Namespace(resource, placements[resource], all, diagnostics))));
                continue;
            }

            var selection = placements[resource];
            if (resource.Namespace is { } ns && selection.Clusters.Count > 0) usedNamespaces.Add(ns);
            files.Add(new OutputFile(ManifestLayout.PathOf(resource), Write(resource.Document.File, Resource(resource, selection, federation, diagnostics))));
        }

        var skipped = usedNamespaces.Where(n => NamespaceSkipList.Skipping(KarmadaDocuments.DefaultSkippedNamespaces, n) is not null).ToList();
        if (skipped.Count > 0)
        {
            var keep = KubeNamespaces.Where(n => !skipped.Contains(n)).ToList();
            var flag = keep.Count == 0 ? "\"\"" : string.Join(",", keep);
            foreach (var resource in federation.Resources.Where(r => r.Namespace is { } n && skipped.Contains(n) && !DocumentBinder.IsNamespace(r.Target)))
            {
                diagnostics.Add(MigrationDiagnostics.SkippedNamespace(resource.Document.At("/metadata/namespace"), resource.DisplayName, resource.Namespace ?? string.Empty, flag));
            }

            var options = new JsonObject
            {
                ["apiVersion"] = KarmadaDocuments.OptionsApiVersion,
                ["kind"] = KarmadaDocuments.OptionsKind,
                ["metadata"] = new JsonObject { ["name"] = "karmada-controller-manager" },
                ["spec"] = new JsonObject { ["skippedPropagatingNamespaces"] = Strings(keep) },
            };
            files.Add(new OutputFile(OptionsFile, Write("karmada-controller-manager's --skipped-propagating-namespaces", [options])));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    private static List<JsonNode> Clusters(IReadOnlyList<SourceDocument> documents, Federation federation)
    {
        var result = new List<JsonNode>();
        foreach (var cluster in federation.Clusters.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var source = documents.FirstOrDefault(d => JsonKinds.IsString(d.Root.Get("kind"), out var k) && k == "KubeFedCluster"
                && JsonKinds.IsString(d.Root.At("/metadata/name"), out var n) && n == cluster.Name);
            var metadata = new JsonObject { ["name"] = cluster.Name };
            if (cluster.Labels.Count > 0) metadata["labels"] = new JsonObject(cluster.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))));
            var spec = new JsonObject { ["syncMode"] = "Push" };
            if (JsonKinds.IsString(source?.Root.At("/spec/apiEndpoint"), out var endpoint)) spec["apiEndpoint"] = endpoint;
            result.Add(new JsonObject { ["apiVersion"] = KarmadaDocuments.ClusterApiVersion, ["kind"] = "Cluster", ["metadata"] = metadata, ["spec"] = spec });
        }

        return result;
    }

    private static List<JsonNode> Namespace(FederatedResource resource, ClusterSelection selection, IReadOnlyList<string> all, List<Diagnostic> diagnostics)
    {
        var template = ObjectBuilder.BuildBase(resource);
        var result = new List<JsonNode> { template };
        var everywhere = selection.Clusters.Count == all.Count;
        var rules = new JsonArray();
        if (!everywhere)
        {
            var shown = selection.Clusters.Count == 0 ? "no cluster" : string.Join(", ", selection.Clusters);
            diagnostics.Add(MigrationDiagnostics.NamespacePlacement(resource.Document.KeyAt("/spec/placement"), resource.Name, shown));
            Labels(template)[KarmadaDocuments.SkipAutoPropagationLabel] = "true";
            if (selection.Clusters.Count > 0) result.Add(Policy(resource, Placement(Strings(selection.Clusters), null), null));
            rules.Add(new JsonObject
            {
                ["overriders"] = new JsonObject
                {
                    ["labelsOverrider"] = new JsonArray(new JsonObject { ["operator"] = "remove", ["value"] = new JsonObject { [KarmadaDocuments.SkipAutoPropagationLabel] = "true" } }),
                },
            });
        }

        foreach (var rule in OverrideRules(resource, selection, diagnostics)) rules.Add(rule);
        if (rules.Count > 0) result.Add(Overrides(resource, rules));
        return result;
    }

    private static List<JsonNode> Resource(FederatedResource resource, ClusterSelection selection, Federation federation, List<Diagnostic> diagnostics)
    {
        var template = ObjectBuilder.BuildBase(resource);
        var result = new List<JsonNode> { template };
        if (selection.Clusters.Count == 0)
        {
            diagnostics.Add(MigrationDiagnostics.NotPlaced(resource.Document.At("/metadata/name"), resource.DisplayName));
            return result;
        }

        var preference = resource.Placement.WrittenByScheduler
            ? federation.Preferences.FirstOrDefault(p => p.TargetKind == resource.FederatedKind && p.Namespace == resource.Namespace && p.Name == resource.Name)
            : null;
        JsonObject? scheduling = null;
        var dropReplicas = false;
        if (preference is not null)
        {
            (scheduling, var why) = StaticWeights(preference, resource, selection);
            if (scheduling is null)
            {
                diagnostics.Add(MigrationDiagnostics.ReplicasAsOverrides(preference.Document.At("/spec"), resource.DisplayName, why));
            }
            else
            {
                dropReplicas = true;
                if (template["spec"] is JsonObject spec) spec["replicas"] = preference.TotalReplicas;
            }
        }

        JsonObject affinity;
        if (resource.Placement.Selector is { } selector && resource.Placement.Clusters is null)
        {
            var own = PlacementResolver.Select(resource.Placement, federation.Clusters, resource.Document, []);
            var narrowed = !own.Clusters.SequenceEqual(selection.Clusters, StringComparer.Ordinal);
            affinity = Placement(narrowed ? Strings(selection.Clusters) : null, selector.IsEmpty ? null : Selector(selector));
        }
        else
        {
            affinity = Placement(Strings(selection.Clusters), null);
        }

        result.Add(Policy(resource, affinity, scheduling));
        var rules = OverrideRules(resource, selection, diagnostics, dropReplicas);
        if (rules.Count > 0) result.Add(Overrides(resource, new JsonArray(rules.ToArray<JsonNode?>())));
        return result;
    }

    /// <summary>Divided and Weighted by static weights, when Karmada's division gives each cluster exactly KubeFed's replicas; else why not.</summary>
    private static (JsonObject? Scheduling, string Why) StaticWeights(ReplicaSchedulingPreference preference, FederatedResource resource, ClusterSelection selection)
    {
        var features = new List<string>();
        if (preference.Rebalance) features.Add("rebalance");
        if (preference.Clusters.Values.Any(c => c.MinReplicas > 0 || c.MaxReplicas is not null)) features.Add("minReplicas or maxReplicas");
        if (preference.Clusters.Values.Any(c => c.Weight == 0)) features.Add("weight 0");
        if (preference.Clusters.ContainsKey("*")) features.Add("\"*\"");
        if (preference.IntersectWithClusterSelector) features.Add("intersectWithClusterSelector");
        var kubefed = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in resource.Overrides)
        {
            if (entry.Operations.LastOrDefault(o => o.Path == ReplicaScheduler.ReplicasPath)?.Value is JsonValue v && v.TryGetValue<long>(out var n)) kubefed[entry.ClusterName] = n;
        }

        var weights = selection.Clusters.Select(c => (c, preference.Clusters.TryGetValue(c, out var p) ? p.Weight : preference.Clusters.GetValueOrDefault("*")?.Weight ?? 0)).Where(w => w.Item2 > 0).ToList();
        var karmada = ReplicaDivider.Divide(preference.TotalReplicas, weights, out var other);
        var same = other is null && selection.Clusters.All(c => kubefed.GetValueOrDefault(c) > 0 && karmada.GetValueOrDefault(c) == kubefed[c]) && karmada.Values.Where(v => v > 0).Count() == selection.Clusters.Count;
        if (features.Count == 0 && !same) features.Add("Karmada's division of the weights gives other replicas than KubeFed's");
        if (features.Count > 0) return (null, string.Join(", ", features));
        var list = new JsonArray();
        foreach (var (cluster, weight) in weights) list.Add(new JsonObject { ["targetCluster"] = new JsonObject { ["clusterNames"] = Strings([cluster]) }, ["weight"] = weight });
        return (new JsonObject
        {
            ["replicaSchedulingType"] = "Divided",
            ["replicaDivisionPreference"] = "Weighted",
            ["weightPreference"] = new JsonObject { ["staticWeightList"] = list },
        }, string.Empty);
    }

    /// <summary>One rule per spec.overrides entry that reaches a placed cluster, its ops as plaintext with the operator made explicit.</summary>
    private static List<JsonObject> OverrideRules(FederatedResource resource, ClusterSelection selection, List<Diagnostic> diagnostics, bool dropReplicas = false)
    {
        var rules = new List<JsonObject>();
        var baseObject = ObjectBuilder.BuildBase(resource);
        var selectorEntries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in resource.Overrides)
        {
            if (entry.Selector is null && !selection.Contains(entry.ClusterName)) continue;
            if (entry.Selector is not null && !selectorEntries.Add(entry.Pointer)) continue;
            var operations = entry.Operations.Where(o => o.Path is not null && !(dropReplicas && o.Path == ReplicaScheduler.ReplicasPath)).ToList();
            if (operations.Count == 0) continue;
            var patch = operations.Select(o => new PatchOperation(PatchOperation.ParseKind(o.EffectiveOp) ?? PatchOperationKind.Replace, o.Path ?? string.Empty, o.Value)).ToList();
            var added = entry.Selector is null ? JsonPatch.Apply(baseObject, patch).ReplacesThatAdded.Select(n => n.Index).ToHashSet() : [];
            var plaintext = new JsonArray();
            for (var i = 0; i < operations.Count; i++)
            {
                var op = operations[i].EffectiveOp;
                if (added.Contains(i))
                {
                    diagnostics.Add(MigrationDiagnostics.ReplaceBecomesAdd(resource.Document.At(operations[i].Pointer + "/path"), entry.ClusterName, operations[i].Path ?? string.Empty));
                    op = "add";
                }

                var item = new JsonObject { ["path"] = operations[i].Path, ["operator"] = op };
                if (op != "remove") item["value"] = operations[i].Value?.DeepClone();
                plaintext.Add(item);
            }

            var target = entry.Selector is { } selector ? new JsonObject { ["labelSelector"] = Selector(selector) } : new JsonObject { ["clusterNames"] = Strings([entry.ClusterName]) };
            rules.Add(new JsonObject { ["targetCluster"] = target, ["overriders"] = new JsonObject { ["plaintext"] = plaintext } });
        }

        return rules;
    }

    private static JsonObject Placement(JsonArray? clusterNames, JsonObject? labelSelector)
    {
        var affinity = new JsonObject();
        if (clusterNames is not null) affinity["clusterNames"] = clusterNames;
        if (labelSelector is not null) affinity["labelSelector"] = labelSelector;
        return affinity;
    }

    private static JsonObject Policy(FederatedResource resource, JsonObject affinity, JsonObject? scheduling)
    {
        var placement = new JsonObject();
        if (affinity.Count > 0) placement["clusterAffinity"] = affinity;
        if (scheduling is not null) placement["replicaScheduling"] = scheduling;
        var spec = new JsonObject { ["resourceSelectors"] = new JsonArray(Selects(resource)), ["placement"] = placement };
        return Document(resource, resource.Target.Namespaced ? "PropagationPolicy" : "ClusterPropagationPolicy", spec);
    }

    private static JsonObject Overrides(FederatedResource resource, JsonArray rules) =>
        Document(resource, resource.Target.Namespaced ? "OverridePolicy" : "ClusterOverridePolicy",
            new JsonObject { ["resourceSelectors"] = new JsonArray(Selects(resource)), ["overrideRules"] = rules });

    private static JsonObject Document(FederatedResource resource, string kind, JsonObject spec)
    {
        var metadata = new JsonObject { ["name"] = PolicyName(resource) };
        if (resource.Target.Namespaced && resource.Namespace is { } ns) metadata["namespace"] = ns;
        return new JsonObject { ["apiVersion"] = KarmadaDocuments.PolicyApiVersion, ["kind"] = kind, ["metadata"] = metadata, ["spec"] = spec };
    }

    /// <summary>The name of a resource's policies: its kind (and group, for non-core kinds) and name, so that two kinds never share one.</summary>
    public static string PolicyName(FederatedResource resource)
    {
        var kind = resource.Target.Kind.ToLowerInvariant();
        var group = resource.Target.Group.Length == 0 || BuiltInTypes.ForKind(resource.Target.Kind)?.Group == resource.Target.Group ? string.Empty : "." + resource.Target.Group;
        return $"{kind}{group}-{resource.Name}";
    }

    private static JsonObject Selects(FederatedResource resource)
    {
        var template = ObjectBuilder.BuildBase(resource);
        return new JsonObject { ["apiVersion"] = template["apiVersion"]?.DeepClone(), ["kind"] = resource.Target.Kind, ["name"] = resource.Name };
    }

    private static JsonObject Selector(LabelSelector selector)
    {
        var result = new JsonObject();
        if (selector.MatchLabels.Count > 0) result["matchLabels"] = new JsonObject(selector.MatchLabels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))));
        if (selector.MatchExpressions.Count > 0)
        {
            result["matchExpressions"] = new JsonArray(selector.MatchExpressions.Select(e =>
            {
                var expression = new JsonObject { ["key"] = e.Key, ["operator"] = e.Operator };
                if (e.Values is { } values) expression["values"] = Strings(values);
                return (JsonNode?)expression;
            }).ToArray());
        }

        return result;
    }

    private static JsonObject Labels(JsonObject template)
    {
        var metadata = template["metadata"] as JsonObject ?? new JsonObject();
        template["metadata"] = metadata;
        if (metadata["labels"] is not JsonObject labels)
        {
            labels = new JsonObject();
            metadata["labels"] = labels;
        }

        return labels;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static string Write(string origin, IEnumerable<JsonNode> documents)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Migrated from {origin} by fedrender migrate --to karmada.\n");
        foreach (var document in documents)
        {
            text.Append("---\n");
            YamlEmitter.Write(text, document);
        }

        return text.ToString();
    }
}
