using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Binds Karmada inputs: Cluster objects, the four policy kinds, fedrender's controller options, and every
/// other document as a resource template (its type from the built-in table or a CustomResourceDefinition
/// among the inputs). Every problem is reported at its line; a broken document is left out.
/// </summary>
public static class KarmadaBinder
{
    private static readonly string[] Operators = ["add", "remove", "replace"];

    public static (KarmadaFederation Federation, IReadOnlyList<Diagnostic> Diagnostics) Bind(IEnumerable<SourceDocument> documents)
    {
        var diagnostics = new List<Diagnostic>();
        var clusters = new List<KarmadaCluster>();
        var policies = new List<PropagationPolicy>();
        var overrides = new List<OverridePolicy>();
        var crds = new List<SourceDocument>();
        var templates = new List<(DocumentReader Reader, JsonObject Root, string ApiVersion, string Kind)>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        IReadOnlyList<string>? skipped = null;

        bool Unique(DocumentReader reader, string key, string what)
        {
            var at = reader.Document.At("/metadata/name");
            if (seen.TryGetValue(key, out var first))
            {
                reader.Report(KarmadaDocumentDiagnostics.DuplicateDocument(at, what, first));
                return false;
            }

            seen[key] = at;
            return true;
        }

        foreach (var document in documents)
        {
            if (DocumentReader.Open(document, diagnostics) is not var (reader, root, apiVersion, kind)) continue;
            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;
            switch (apiVersion, kind)
            {
                case (KarmadaDocuments.ClusterApiVersion, "Cluster"):
                    if (BindCluster(reader, root) is { } cluster && Unique(reader, "Cluster/" + cluster.Name, $"Cluster \"{cluster.Name}\"")) clusters.Add(cluster);
                    break;
                case (KarmadaDocuments.PolicyApiVersion, "PropagationPolicy" or "ClusterPropagationPolicy"):
                    if (BindPolicy(reader, root, kind == "ClusterPropagationPolicy") is { } policy
                        && Unique(reader, $"{kind}/{policy.Namespace}/{policy.Name}", policy.DisplayName)) policies.Add(policy);
                    break;
                case (KarmadaDocuments.PolicyApiVersion, "OverridePolicy" or "ClusterOverridePolicy"):
                    if (BindOverridePolicy(reader, root, kind == "ClusterOverridePolicy") is { } overridePolicy
                        && Unique(reader, $"{kind}/{overridePolicy.Namespace}/{overridePolicy.Name}", overridePolicy.DisplayName)) overrides.Add(overridePolicy);
                    break;
                case (KarmadaDocuments.OptionsApiVersion, KarmadaDocuments.OptionsKind):
                    skipped = BindOptions(reader, root) ?? skipped;
                    break;
                case ("apiextensions.k8s.io/v1", "CustomResourceDefinition"):
                    crds.Add(document);
                    templates.Add((reader, root, apiVersion, kind));
                    break;
                default:
                    if (group.EndsWith("kubefed.io", StringComparison.Ordinal))
                    {
                        reader.Report(KarmadaDocumentDiagnostics.KubeFedDocumentAmongKarmada(document.At("/apiVersion"), apiVersion, kind));
                    }
                    else if (KarmadaDocuments.ControlPlaneGroups.Contains(group))
                    {
                        reader.Report(KarmadaDocumentDiagnostics.NotRenderedKind(document.At("/kind"), apiVersion, kind));
                    }
                    else
                    {
                        templates.Add((reader, root, apiVersion, kind));
                    }

                    break;
            }
        }

        var types = CustomTypes(crds);
        var resources = new List<FederatedResource>();
        foreach (var (reader, root, apiVersion, kind) in templates)
        {
            if (BindTemplate(reader, root, apiVersion, kind, types) is not { } template) continue;
            if (Unique(reader, $"template/{template.Target.Group}/{kind}/{template.Namespace}/{template.Name}", $"Resource template {template.DisplayName}")) resources.Add(template);
        }

        var federation = new KarmadaFederation(clusters, resources, policies, overrides)
        {
            SkippedNamespaces = skipped ?? KarmadaDocuments.DefaultSkippedNamespaces,
            CustomResourceDefinitions = crds,
        };
        return (federation, diagnostics);
    }

    /// <summary>The kinds the inputs' CustomResourceDefinitions define, by group and kind.</summary>
    private static Dictionary<(string Group, string Kind), (string Plural, bool Namespaced)> CustomTypes(List<SourceDocument> crds)
    {
        var types = new Dictionary<(string, string), (string, bool)>();
        foreach (var crd in crds)
        {
            var spec = crd.Root.Get("spec");
            if (JsonKinds.IsString(spec.Get("group"), out var group) && JsonKinds.IsString(spec.Get("names").Get("kind"), out var kind)
                && JsonKinds.IsString(spec.Get("names").Get("plural"), out var plural))
            {
                var namespaced = !(JsonKinds.IsString(spec.Get("scope"), out var scope) && scope == "Cluster");
                types[(group, kind)] = (plural, namespaced);
            }
        }

        return types;
    }

    private static FederatedResource? BindTemplate(DocumentReader reader, JsonObject root, string apiVersion, string kind, Dictionary<(string Group, string Kind), (string Plural, bool Namespaced)> types)
    {
        var document = reader.Document;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var group = slash < 0 ? string.Empty : apiVersion[..slash];
        var version = slash < 0 ? apiVersion : apiVersion[(slash + 1)..];
        TargetType? target = null;
        if (BuiltInTypes.ForKind(kind) is { } builtIn && builtIn.Group == group)
        {
            target = builtIn with { Version = version };
        }
        else if (types.TryGetValue((group, kind), out var custom))
        {
            target = new TargetType(group, version, kind, custom.Plural, custom.Namespaced);
        }

        if (target is null)
        {
            reader.Report(KarmadaDocumentDiagnostics.UnknownTemplateKind(document.At("/kind"), apiVersion, kind));
            return null;
        }

        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", kind);
        var ns = reader.String(metadata, "/metadata", "namespace", "metadata.namespace");
        reader.StringMap(metadata, "/metadata", "labels", "metadata.labels");
        if (name is null) return null;
        var nameProblem = DocumentBinder.IsNamespace(target) ? KubernetesNames.CheckLabel(name) : KubernetesNames.CheckSubdomain(name);
        if (nameProblem is not null)
        {
            reader.Report(DocumentDiagnostics.InvalidName(document.At("/metadata/name"), $"{kind} name", name, nameProblem));
            return null;
        }

        if (target.Namespaced)
        {
            if (ns is null)
            {
                reader.Report(KarmadaDocumentDiagnostics.TemplateWithoutNamespace(document.At("/metadata"), kind, name));
                return null;
            }

            if (KubernetesNames.CheckLabel(ns) is { } nsProblem)
            {
                reader.Report(DocumentDiagnostics.InvalidName(document.At("/metadata/namespace"), "Namespace", ns, nsProblem));
                return null;
            }
        }
        else
        {
            ns = null;
        }

        if (reader.Failed) return null;
        var type = new TypeConfig(kind, target, PropagationEnabled: true, SourceLocation.None);
        return new FederatedResource(document, type, name, ns, root, PlacementSpec.None, []);
    }

    private static KarmadaCluster? BindCluster(DocumentReader reader, JsonObject root)
    {
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", "Cluster");
        if (name is null) return null;
        var at = reader.Document.At("/metadata/name");
        if (KubernetesNames.CheckSubdomain(name) is { } problem)
        {
            reader.Report(DocumentDiagnostics.InvalidName(at, "Cluster name", name, problem + "; cluster names become directory names"));
            return null;
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in reader.StringMap(metadata, "/metadata", "labels", "metadata.labels")) labels[key] = value;
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        var provider = reader.String(spec, "/spec", "provider", "spec.provider");
        var region = reader.String(spec, "/spec", "region", "spec.region");
        var zones = Strings(reader, spec, "/spec", "zones", "spec.zones");
        if (zones.Count == 0 && reader.String(spec, "/spec", "zone", "spec.zone") is { Length: > 0 } zone) zones = [zone];
        return new KarmadaCluster(name, labels, string.IsNullOrEmpty(provider) ? null : provider, string.IsNullOrEmpty(region) ? null : region, zones, at);
    }

    private static IReadOnlyList<string>? BindOptions(DocumentReader reader, JsonObject root)
    {
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        if (DocumentReader.Child(spec, "skippedPropagatingNamespaces") is null) return null;
        var patterns = Strings(reader, spec, "/spec", "skippedPropagatingNamespaces", "spec.skippedPropagatingNamespaces");
        for (var i = 0; i < patterns.Count; i++)
        {
            if (NamespaceSkipList.Check(patterns[i]) is { } problem)
            {
                reader.Report(KarmadaDocumentDiagnostics.InvalidNamespacePattern(reader.Document.At(Pointer.Append("/spec/skippedPropagatingNamespaces", i)), patterns[i], problem));
                return null;
            }
        }

        return patterns;
    }

    private static PropagationPolicy? BindPolicy(DocumentReader reader, JsonObject root, bool clusterScoped)
    {
        var what = clusterScoped ? "ClusterPropagationPolicy" : "PropagationPolicy";
        var (name, ns) = Identity(reader, root, clusterScoped, what);
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        var priority = reader.Integer(spec, "/spec", "priority", "spec.priority") ?? 0;
        var selectors = Selectors(reader, spec, what, required: true);
        var placement = reader.Object(spec, "/spec", "placement", "spec.placement");
        const string placementPointer = "/spec/placement";
        ClusterAffinity? affinity = null;
        if (reader.Object(placement, placementPointer, "clusterAffinity", "spec.placement.clusterAffinity") is { } single)
        {
            affinity = Affinity(reader, single, placementPointer + "/clusterAffinity");
        }

        var groups = reader.Array(placement, placementPointer, "clusterAffinities", "spec.placement.clusterAffinities");
        if (groups is { Count: > 0 })
        {
            if (affinity is not null) reader.Report(KarmadaDocumentDiagnostics.BothAffinities(reader.Document.KeyAt(placementPointer + "/clusterAffinities")));
            var pointer = placementPointer + "/clusterAffinities/0";
            if (groups[0] is JsonObject first)
            {
                affinity = Affinity(reader, first, pointer);
                var groupName = reader.String(first, pointer, "affinityName", "affinityName") ?? string.Empty;
                if (groups.Count > 1) reader.Report(KarmadaPlacementDiagnostics.LaterAffinityGroups(reader.Document.KeyAt(placementPointer + "/clusterAffinities"), groups.Count, groupName));
            }
            else
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "a clusterAffinities entry", "a mapping", JsonKinds.Describe(groups[0])));
            }
        }

        foreach (var field in new[] { "spreadConstraints", "clusterTolerations" })
        {
            if (DocumentReader.Child(placement, field) is JsonArray { Count: > 0 })
            {
                reader.Report(KarmadaDocumentDiagnostics.NotModelled(reader.Document.KeyAt(placementPointer + "/" + field), "spec.placement." + field,
                    field == "spreadConstraints" ? "Karmada may pick fewer clusters than the affinity allows" : "every cluster is taken to have no taints"));
            }
        }

        var replicas = Scheduling(reader, placement, placementPointer + "/replicaScheduling");
        if (reader.Failed || name is null || selectors is null) return null;
        return new PropagationPolicy(reader.Document, name, ns, (int)Math.Clamp(priority, int.MinValue, int.MaxValue), selectors, affinity, replicas);
    }

    private static ReplicaScheduling Scheduling(DocumentReader reader, JsonObject? placement, string pointer)
    {
        var node = reader.Object(placement, "/spec/placement", "replicaScheduling", "spec.placement.replicaScheduling");
        if (node is null) return ReplicaScheduling.Duplicated;
        var type = reader.String(node, pointer, "replicaSchedulingType", "replicaScheduling.replicaSchedulingType") ?? "Duplicated";
        if (type is not ("Duplicated" or "Divided"))
        {
            reader.Report(KarmadaDocumentDiagnostics.InvalidEnum(reader.Document.At(pointer + "/replicaSchedulingType"), "replicaSchedulingType", type, "Duplicated or Divided"));
            return ReplicaScheduling.Duplicated;
        }

        var preference = reader.String(node, pointer, "replicaDivisionPreference", "replicaScheduling.replicaDivisionPreference") ?? "Weighted";
        if (preference is not ("Weighted" or "Aggregated"))
        {
            reader.Report(KarmadaDocumentDiagnostics.InvalidEnum(reader.Document.At(pointer + "/replicaDivisionPreference"), "replicaDivisionPreference", preference, "Aggregated or Weighted"));
            return ReplicaScheduling.Duplicated;
        }

        var weightPreference = reader.Object(node, pointer, "weightPreference", "replicaScheduling.weightPreference");
        var dynamic = reader.String(weightPreference, pointer + "/weightPreference", "dynamicWeight", "weightPreference.dynamicWeight") is { Length: > 0 };
        List<StaticClusterWeight>? weights = null;
        var list = reader.Array(weightPreference, pointer + "/weightPreference", "staticWeightList", "weightPreference.staticWeightList");
        if (list is not null)
        {
            weights = [];
            for (var i = 0; i < list.Count; i++)
            {
                var entryPointer = Pointer.Append(pointer + "/weightPreference/staticWeightList", i);
                if (list[i] is not JsonObject entry)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(entryPointer), "a staticWeightList entry", "a mapping with targetCluster and weight", JsonKinds.Describe(list[i])));
                    continue;
                }

                var weight = reader.Integer(entry, entryPointer, "weight", "staticWeightList[].weight");
                if (weight is null && DocumentReader.Child(entry, "weight") is null) reader.Report(KarmadaDocumentDiagnostics.MissingField(reader.Document.At(entryPointer), "weight", "A staticWeightList entry"));
                var target = reader.Object(entry, entryPointer, "targetCluster", "staticWeightList[].targetCluster");
                if (target is null) reader.Report(KarmadaDocumentDiagnostics.MissingField(reader.Document.At(entryPointer), "targetCluster", "A staticWeightList entry"));
                if (weight is { } w && target is not null) weights.Add(new StaticClusterWeight(Affinity(reader, target, entryPointer + "/targetCluster"), w, entryPointer));
            }
        }

        return new ReplicaScheduling(type == "Divided", preference, weights, dynamic, pointer);
    }

    private static OverridePolicy? BindOverridePolicy(DocumentReader reader, JsonObject root, bool clusterScoped)
    {
        var what = clusterScoped ? "ClusterOverridePolicy" : "OverridePolicy";
        var (name, ns) = Identity(reader, root, clusterScoped, what);
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        var selectors = Selectors(reader, spec, what, required: false) ?? [];
        var rules = new List<OverrideRule>();
        var list = reader.Array(spec, "/spec", "overrideRules", "spec.overrideRules");
        if (list is { Count: > 0 })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = Pointer.Append("/spec/overrideRules", i);
                if (list[i] is not JsonObject rule)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "an overrideRules entry", "a mapping with targetCluster and overriders", JsonKinds.Describe(list[i])));
                    continue;
                }

                rules.Add(Rule(reader, rule, pointer));
            }
        }
        else if (spec is not null && (spec.ContainsKey("overriders") || spec.ContainsKey("targetCluster")))
        {
            rules.Add(Rule(reader, spec, "/spec"));
        }

        if (reader.Failed || name is null) return null;
        return new OverridePolicy(reader.Document, name, ns, selectors, rules);
    }

    private static OverrideRule Rule(DocumentReader reader, JsonObject rule, string pointer)
    {
        var target = reader.Object(rule, pointer, "targetCluster", "targetCluster") is { } t ? Affinity(reader, t, pointer + "/targetCluster") : null;
        var overriders = new List<Overrider>();
        var node = reader.Object(rule, pointer, "overriders", "overriders");
        var at = pointer + "/overriders";
        foreach (var (field, kind) in new[]
                 {
                     ("imageOverrider", OverriderKind.Image), ("commandOverrider", OverriderKind.Command), ("argsOverrider", OverriderKind.Args),
                     ("labelsOverrider", OverriderKind.Labels), ("annotationsOverrider", OverriderKind.Annotations), ("fieldOverrider", OverriderKind.Field),
                     ("plaintext", OverriderKind.Plaintext),
                 })
        {
            var items = reader.Array(node, at, field, "overriders." + field);
            for (var i = 0; items is not null && i < items.Count; i++)
            {
                var itemPointer = Pointer.Append(at + "/" + field, i);
                if (items[i] is not JsonObject item)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(itemPointer), $"an {field} entry", "a mapping", JsonKinds.Describe(items[i])));
                    continue;
                }

                if (BindOverrider(reader, kind, item, itemPointer) is { } overrider) overriders.Add(overrider);
            }
        }

        return new OverrideRule(target, overriders, pointer);
    }

    private static Overrider? BindOverrider(DocumentReader reader, OverriderKind kind, JsonObject item, string pointer)
    {
        var allowed = kind is OverriderKind.Command or OverriderKind.Args ? Operators[..2] : Operators;
        var op = Operator(reader, item, pointer, "operator", allowed, required: kind != OverriderKind.Field);
        switch (kind)
        {
            case OverriderKind.Image:
                var component = reader.RequiredString(item, pointer, "component", "imageOverrider.component", "An imageOverrider");
                if (component is not null and not ("Registry" or "Repository" or "Tag"))
                {
                    reader.Report(KarmadaDocumentDiagnostics.InvalidEnum(reader.Document.At(pointer + "/component"), "imageOverrider.component", component, "Registry, Repository or Tag"));
                }

                var value = reader.String(item, pointer, "value", "imageOverrider.value") ?? string.Empty;
                var predicate = reader.Object(item, pointer, "predicate", "imageOverrider.predicate");
                var path = predicate is null ? null : reader.RequiredString(predicate, pointer + "/predicate", "path", "imageOverrider.predicate.path", "An imageOverrider predicate");
                return op is null || component is null ? null : new Overrider(kind, op, pointer) { Component = component, Value = JsonValue.Create(value), PredicatePath = path };
            case OverriderKind.Command or OverriderKind.Args:
                var container = reader.RequiredString(item, pointer, "containerName", "containerName", $"A {(kind == OverriderKind.Command ? "commandOverrider" : "argsOverrider")}");
                var values = Strings(reader, item, pointer, "value", "value");
                return op is null || container is null ? null : new Overrider(kind, op, pointer) { ContainerName = container, Values = values };
            case OverriderKind.Labels or OverriderKind.Annotations:
                var entries = reader.StringMap(item, pointer, "value", "value").Select(e => new KeyValuePair<string, string>(e.Key, e.Value)).ToList();
                return op is null ? null : new Overrider(kind, op, pointer) { Entries = entries };
            case OverriderKind.Field:
                var fieldPath = reader.RequiredString(item, pointer, "fieldPath", "fieldOverrider.fieldPath", "A fieldOverrider");
                var yaml = reader.Array(item, pointer, "yaml", "fieldOverrider.yaml");
                var json = reader.Array(item, pointer, "json", "fieldOverrider.json");
                var (list, key) = yaml is { Count: > 0 } ? (yaml, "yaml") : (json, "json");
                var patches = new List<Overrider>();
                for (var i = 0; list is not null && i < list.Count; i++)
                {
                    var patchPointer = Pointer.Append(pointer + "/" + key, i);
                    if (list[i] is not JsonObject patch) continue;
                    var patchOp = Operator(reader, patch, patchPointer, "operator", Operators, required: true);
                    var subPath = reader.RequiredString(patch, patchPointer, "subPath", "subPath", "A fieldOverrider patch");
                    if (patchOp is not null && subPath is not null) patches.Add(new Overrider(OverriderKind.Plaintext, patchOp, patchPointer) { Path = subPath, Value = DocumentReader.Child(patch, "value") });
                }

                return fieldPath is null ? null : new Overrider(kind, string.Empty, pointer) { FieldPath = fieldPath, SubPatches = patches, Yaml = key == "yaml" };
            default:
                var plainPath = reader.RequiredString(item, pointer, "path", "plaintext.path", "A plaintext overrider");
                return op is null || plainPath is null ? null : new Overrider(kind, op, pointer) { Path = plainPath, Value = DocumentReader.Child(item, "value") };
        }
    }

    private static string? Operator(DocumentReader reader, JsonObject item, string pointer, string key, string[] allowed, bool required)
    {
        var op = required ? reader.RequiredString(item, pointer, key, key, "An overrider") : reader.String(item, pointer, key, key);
        if (op is null || allowed.Contains(op, StringComparer.Ordinal)) return op;
        reader.Report(KarmadaOverrideDiagnostics.InvalidOperator(reader.Document.At(pointer + "/" + key), op, string.Join(", ", allowed)));
        return null;
    }

    private static (string? Name, string? Namespace) Identity(DocumentReader reader, JsonObject root, bool clusterScoped, string what)
    {
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", what);
        if (clusterScoped) return (name, null);
        var ns = reader.String(metadata, "/metadata", "namespace", "metadata.namespace");
        if (ns is null && name is not null) reader.Report(KarmadaDocumentDiagnostics.MissingField(reader.Document.At("/metadata"), "metadata.namespace", $"{what} \"{name}\""));
        return (name, ns);
    }

    private static List<ResourceSelector>? Selectors(DocumentReader reader, JsonObject? spec, string what, bool required)
    {
        var list = reader.Array(spec, "/spec", "resourceSelectors", "spec.resourceSelectors");
        if (list is null)
        {
            if (required) reader.Report(KarmadaDocumentDiagnostics.MissingField(reader.Document.At("/spec"), "spec.resourceSelectors", what));
            return required ? null : [];
        }

        var result = new List<ResourceSelector>();
        for (var i = 0; i < list.Count; i++)
        {
            var pointer = Pointer.Append("/spec/resourceSelectors", i);
            if (list[i] is not JsonObject entry)
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "a resourceSelectors entry", "a mapping with apiVersion and kind", JsonKinds.Describe(list[i])));
                continue;
            }

            var apiVersion = reader.RequiredString(entry, pointer, "apiVersion", "resourceSelectors[].apiVersion", "A resource selector");
            var kind = reader.RequiredString(entry, pointer, "kind", "resourceSelectors[].kind", "A resource selector");
            var ns = reader.String(entry, pointer, "namespace", "resourceSelectors[].namespace");
            var name = reader.String(entry, pointer, "name", "resourceSelectors[].name");
            var selector = reader.Object(entry, pointer, "labelSelector", "resourceSelectors[].labelSelector") is { } s ? Selector(reader, s, pointer + "/labelSelector") : null;
            if (apiVersion is not null && kind is not null)
            {
                result.Add(new ResourceSelector(apiVersion, kind, string.IsNullOrEmpty(ns) ? null : ns, string.IsNullOrEmpty(name) ? null : name, selector, pointer));
            }
        }

        return result;
    }

    private static ClusterAffinity Affinity(DocumentReader reader, JsonObject node, string pointer)
    {
        List<ClusterReference> Names(string key)
        {
            var names = Strings(reader, node, pointer, key, key);
            return names.Select((n, i) => new ClusterReference(n, Pointer.Append(pointer + "/" + key, i))).ToList();
        }

        var labelSelector = reader.Object(node, pointer, "labelSelector", "labelSelector") is { } s ? Selector(reader, s, pointer + "/labelSelector") : null;
        var fields = new List<FieldRequirement>();
        var fieldSelector = reader.Object(node, pointer, "fieldSelector", "fieldSelector");
        var expressions = reader.Array(fieldSelector, pointer + "/fieldSelector", "matchExpressions", "fieldSelector.matchExpressions");
        for (var i = 0; expressions is not null && i < expressions.Count; i++)
        {
            var at = Pointer.Append(pointer + "/fieldSelector/matchExpressions", i);
            if (expressions[i] is not JsonObject expression) continue;
            var key = reader.RequiredString(expression, at, "key", "matchExpressions[].key", "A field selector expression") ?? string.Empty;
            var op = reader.RequiredString(expression, at, "operator", "matchExpressions[].operator", "A field selector expression") ?? string.Empty;
            var values = Strings(reader, expression, at, "values", "matchExpressions[].values");
            fields.Add(new FieldRequirement(key, op, values, at));
        }

        return new ClusterAffinity(Names("clusterNames"), Names("exclude"), labelSelector, fields, pointer);
    }

    /// <summary>A metav1.LabelSelector at <paramref name="pointer"/>.</summary>
    internal static LabelSelector Selector(DocumentReader reader, JsonObject node, string pointer)
    {
        var matchLabels = reader.StringMap(node, pointer, "matchLabels", "matchLabels").Select(e => new LabelRequirement(e.Key, e.Value, e.Pointer)).ToList();
        var expressions = new List<LabelExpression>();
        var list = reader.Array(node, pointer, "matchExpressions", "matchExpressions");
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var at = Pointer.Append(pointer + "/matchExpressions", i);
            if (list[i] is not JsonObject expression)
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(at), "a matchExpressions entry", "a mapping with key, operator and values", JsonKinds.Describe(list[i])));
                continue;
            }

            var key = reader.RequiredString(expression, at, "key", "matchExpressions[].key", "A match expression");
            var op = reader.RequiredString(expression, at, "operator", "matchExpressions[].operator", "A match expression");
            var values = DocumentReader.Child(expression, "values") is null ? null : Strings(reader, expression, at, "values", "matchExpressions[].values");
            if (key is not null && op is not null) expressions.Add(new LabelExpression(key, op, values, at));
        }

        return new LabelSelector(matchLabels, expressions);
    }

    private static List<string> Strings(DocumentReader reader, JsonObject? parent, string pointer, string key, string field)
    {
        var result = new List<string>();
        var list = reader.Array(parent, pointer, key, field);
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            if (JsonKinds.IsString(list[i], out var value))
            {
                result.Add(value);
            }
            else
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(Pointer.Append(Pointer.Append(pointer, key), i)), field + " entry", "a string (quote it)", JsonKinds.Describe(list[i])));
            }
        }

        return result;
    }
}
