using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Recognises documents by apiVersion and kind and binds them: KubeFedClusters, FederatedTypeConfigs and
/// <c>Federated&lt;Kind&gt;</c> resources. Other documents are reported and left out.
/// </summary>
public static class DocumentBinder
{
    public const string CoreApiVersion = "core.kubefed.io/v1beta1";
    public const string TypesApiVersion = "types.kubefed.io/v1beta1";
    public const string TypesGroup = "types.kubefed.io";
    public const string SchedulingApiVersion = "scheduling.kubefed.io/v1alpha1";

    public static (Federation Federation, IReadOnlyList<Diagnostic> Diagnostics) Bind(IEnumerable<SourceDocument> documents)
    {
        var diagnostics = new List<Diagnostic>();
        var clusters = new List<MemberCluster>();
        var clusterIndex = new Dictionary<string, MemberCluster>(StringComparer.Ordinal);
        var typeConfigs = new Dictionary<string, TypeConfig>(StringComparer.Ordinal);
        var federated = new List<(DocumentReader Reader, JsonObject Root, string Kind)>();
        var preferences = new List<ReplicaSchedulingPreference>();
        KubeFedConfig? controlPlane = null;
        var crds = new List<SourceDocument>();

        foreach (var document in documents)
        {
            if (document.Root is null) continue;
            var reader = new DocumentReader(document, diagnostics);
            if (document.Root is not JsonObject root)
            {
                reader.Report(DocumentDiagnostics.NotAMapping(document.Start));
                continue;
            }

            var apiVersion = reader.RequiredString(root, string.Empty, "apiVersion", "apiVersion", "The document");
            var kind = reader.RequiredString(root, string.Empty, "kind", "kind", "The document");
            if (apiVersion is null || kind is null) continue;

            CheckEnvelope(reader, root, apiVersion, kind);
            switch (apiVersion, kind)
            {
                case (CoreApiVersion, "KubeFedCluster"):
                    var cluster = BindCluster(reader, root);
                    if (cluster is null) break;
                    if (clusterIndex.TryGetValue(cluster.Name, out var first))
                    {
                        reader.Report(DocumentDiagnostics.DuplicateCluster(cluster.Location, cluster.Name, first.Location));
                        break;
                    }

                    clusterIndex.Add(cluster.Name, cluster);
                    clusters.Add(cluster);
                    break;
                case (CoreApiVersion, "FederatedTypeConfig"):
                    var config = BindTypeConfig(reader, root);
                    if (config is null) break;
                    if (typeConfigs.TryGetValue(config.FederatedKind, out var existing))
                    {
                        reader.Report(DocumentDiagnostics.DuplicateTypeConfig(config.Location, config.FederatedKind, existing.Location));
                        break;
                    }

                    typeConfigs.Add(config.FederatedKind, config);
                    break;
                case ("apiextensions.k8s.io/v1", "CustomResourceDefinition"):
                    crds.Add(document);
                    break;
                case (SchedulingApiVersion, "ReplicaSchedulingPreference"):
                    if (BindPreference(reader, root) is { } preference) preferences.Add(preference);
                    break;
                case (CoreApiVersion, "KubeFedConfig"):
                    var bound = BindConfig(reader, root);
                    if (bound is null) break;
                    if (controlPlane is not null)
                    {
                        reader.Report(DocumentDiagnostics.DuplicateConfig(bound.Location, controlPlane.Location));
                        break;
                    }

                    controlPlane = bound;
                    break;
                case (TypesApiVersion, _) when kind.StartsWith("Federated", StringComparison.Ordinal) && kind.Length > "Federated".Length:
                    federated.Add((reader, root, kind));
                    break;
                default:
                    if (kind.StartsWith("Federated", StringComparison.Ordinal) || apiVersion.StartsWith(TypesGroup + "/", StringComparison.Ordinal))
                    {
                        reader.Report(DocumentDiagnostics.WrongFederatedApiVersion(document.At("/apiVersion"), apiVersion, kind));
                    }
                    else
                    {
                        reader.Report(DocumentDiagnostics.NotPropagated(document.At("/kind"), apiVersion, kind));
                    }

                    break;
            }
        }

        var resources = new List<FederatedResource>();
        var resourceIndex = new Dictionary<(string Kind, string Namespace, string Name), FederatedResource>();
        foreach (var (reader, root, kind) in federated)
        {
            var type = typeConfigs.GetValueOrDefault(kind) ?? BuiltIn(kind);
            if (type is null)
            {
                reader.Report(DocumentDiagnostics.UnmappedFederatedKind(reader.Document.At("/kind"), kind, kind["Federated".Length..]));
                continue;
            }

            var resource = BindResource(reader, root, type);
            if (resource is null) continue;
            var key = (kind, resource.Namespace ?? string.Empty, resource.Name);
            if (resourceIndex.TryGetValue(key, out var previous))
            {
                reader.Report(DocumentDiagnostics.DuplicateResource(reader.Document.At("/metadata/name"), kind, resource.DisplayName, previous.Document.At("/metadata/name")));
                continue;
            }

            resourceIndex.Add(key, resource);
            if (OutputPathProblem(resource) is { } tooLong)
            {
                reader.Report(ObjectDiagnostics.OutputPathTooLong(reader.Document.At("/metadata/name"), resource.DisplayName, tooLong));
                continue;
            }

            if (!type.PropagationEnabled)
            {
                reader.Report(DocumentDiagnostics.PropagationDisabled(reader.Document.At("/kind"), kind));
                continue;
            }

            resources.Add(resource);
        }

        var namespaces = new Dictionary<string, FederatedResource>(StringComparer.Ordinal);
        resources.RemoveAll(resource =>
        {
            if (!IsNamespace(resource.Target)) return false;
            if (resource.Namespace != resource.Name)
            {
                diagnostics.Add(DocumentDiagnostics.NamespaceNameMismatch(resource.Document.At("/metadata/name"), resource.Name, resource.Namespace ?? string.Empty));
                return true;
            }

            namespaces[resource.Name] = resource;
            return false;
        });

        var federation = new Federation(clusters, typeConfigs.Values.OrderBy(t => t.FederatedKind, StringComparer.Ordinal).ToList(), resources)
        {
            Namespaces = namespaces,
            Preferences = preferences,
            Config = controlPlane,
            CustomResourceDefinitions = crds,
        };
        return (federation, diagnostics);
    }

    /// <summary>Unknown fields and disallowed values in a KubeFed document, against the schemas of KubeFed's CRDs.</summary>
    private static void CheckEnvelope(DocumentReader reader, JsonObject root, string apiVersion, string kind)
    {
        var schemaName = (apiVersion, kind) switch
        {
            (CoreApiVersion, "KubeFedCluster") => "kubefedcluster",
            (CoreApiVersion, "FederatedTypeConfig") => "federatedtypeconfig",
            (CoreApiVersion, "KubeFedConfig") => "kubefedconfig",
            (SchedulingApiVersion, "ReplicaSchedulingPreference") => "replicaschedulingpreference",
            (TypesApiVersion, _) when kind.StartsWith("Federated", StringComparison.Ordinal) => "federated",
            _ => null,
        };
        if (schemaName is null || Validation.SchemaCatalog.KubeFed(schemaName) is not { } schema) return;
        // Types, enumerations and required fields are reported by the binding itself, with more context.
        foreach (var finding in Validation.SchemaValidator.Validate(schema, root).Where(f => f.Rule == Validation.FindingRule.UnknownField))
        {
            reader.Report(DocumentDiagnostics.UnknownField(reader.Document.KeyAt(finding.Pointer), kind, finding.Message));
        }
    }

    /// <summary>Whether a target type is the core Namespace.</summary>
    /// <summary>The longest cluster directory name (a DNS-1123 subdomain) that a path must leave room for.</summary>
    private const int ClusterNameRoom = 253 + 1;

    /// <summary>Why the file a resource renders to breaks a file-system limit (255 bytes a component, 4,096 a path), or null.</summary>
    private static string? OutputPathProblem(FederatedResource resource)
    {
        var path = Output.ManifestLayout.PathOf(resource);
        foreach (var segment in path.Split('/'))
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(segment);
            if (bytes > 255) return $"its file name \"{DocumentDiagnostics.Shorten(segment)}\" is {bytes} bytes, more than the 255 a file system allows";
        }

        var total = System.Text.Encoding.UTF8.GetByteCount(path) + ClusterNameRoom;
        return total > 4096 ? $"its path is {total} bytes with the cluster folder, more than the 4,096 a file system allows" : null;
    }

    public static bool IsNamespace(TargetType target) => target.Kind == "Namespace" && target.Group.Length == 0;

    private static TypeConfig? BuiltIn(string federatedKind) =>
        BuiltInTypes.ForFederatedKind(federatedKind) is { } target
            ? new TypeConfig(federatedKind, target, PropagationEnabled: true, SourceLocation.None)
            : null;

    private static KubeFedConfig? BindConfig(DocumentReader reader, JsonObject root)
    {
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var ns = reader.String(metadata, "/metadata", "namespace", "metadata.namespace") ?? "kube-federation-system";
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        var scope = reader.String(spec, "/spec", "scope", "spec.scope") ?? "Cluster";
        if (scope is not ("Cluster" or "Namespaced"))
        {
            reader.Report(DocumentDiagnostics.InvalidEnum(reader.Document.At("/spec/scope"), "spec.scope", scope, "Cluster, Namespaced"));
            return null;
        }

        return new KubeFedConfig(scope == "Namespaced" ? ControlPlaneScope.Namespaced : ControlPlaneScope.Cluster, ns, reader.Document.At("/spec/scope"));
    }

    private static ReplicaSchedulingPreference? BindPreference(DocumentReader reader, JsonObject root)
    {
        const string what = "ReplicaSchedulingPreference";
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", what);
        var ns = reader.RequiredString(metadata, "/metadata", "namespace", "metadata.namespace", what);
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        if (spec is null)
        {
            reader.Report(DocumentDiagnostics.MissingField(reader.Document.Start, "spec", what));
            return null;
        }

        var targetKind = reader.RequiredString(spec, "/spec", "targetKind", "spec.targetKind", what);
        var total = reader.Integer(spec, "/spec", "totalReplicas", "spec.totalReplicas");
        if (total is null && DocumentReader.Child(spec, "totalReplicas") is null)
        {
            reader.Report(DocumentDiagnostics.MissingField(reader.Document.At("/spec"), "spec.totalReplicas", what));
        }

        var rebalance = reader.Boolean(spec, "/spec", "rebalance", "spec.rebalance") ?? false;
        var intersect = reader.Boolean(spec, "/spec", "intersectWithClusterSelector", "spec.intersectWithClusterSelector") ?? false;
        var clusters = new Dictionary<string, ClusterPreferences>(StringComparer.Ordinal);
        var map = reader.Object(spec, "/spec", "clusters", "spec.clusters");
        foreach (var (cluster, node) in map ?? [])
        {
            var pointer = Pointer.Append("/spec/clusters", cluster);
            if (node is not JsonObject entry)
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), $"spec.clusters.{cluster}", "a mapping with weight, minReplicas and maxReplicas", JsonKinds.Describe(node)));
                continue;
            }

            var weight = reader.Integer(entry, pointer, "weight", $"spec.clusters.{cluster}.weight") ?? 0;
            var min = reader.Integer(entry, pointer, "minReplicas", $"spec.clusters.{cluster}.minReplicas") ?? 0;
            var max = reader.Integer(entry, pointer, "maxReplicas", $"spec.clusters.{cluster}.maxReplicas");
            clusters[cluster] = new ClusterPreferences(weight, min, max);
        }

        if (reader.Failed || name is null || ns is null || targetKind is null || total is null) return null;
        return new ReplicaSchedulingPreference(reader.Document, name, ns, targetKind, total.Value, rebalance, intersect, clusters);
    }

    private static MemberCluster? BindCluster(DocumentReader reader, JsonObject root)
    {
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", "KubeFedCluster");
        if (name is null) return null;
        var at = reader.Document.At("/metadata/name");
        if (KubernetesNames.CheckSubdomain(name) is { } problem)
        {
            reader.Report(DocumentDiagnostics.InvalidName(at, "KubeFedCluster name", name, problem + "; cluster names become directory names"));
            return null;
        }

        var labels = ToDictionary(reader.StringMap(metadata, "/metadata", "labels", "metadata.labels"));
        var annotations = ToDictionary(reader.StringMap(metadata, "/metadata", "annotations", "metadata.annotations"));
        return new MemberCluster(name, labels, annotations, at);
    }

    private static Dictionary<string, string> ToDictionary(IReadOnlyList<(string Key, string Value, string Pointer)> entries)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in entries) result[key] = value;
        return result;
    }

    private static TypeConfig? BindTypeConfig(DocumentReader reader, JsonObject root)
    {
        const string what = "FederatedTypeConfig";
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", what);
        var spec = reader.Object(root, string.Empty, "spec", "spec");
        if (spec is null)
        {
            reader.Report(DocumentDiagnostics.MissingField(reader.Document.Start, "spec", what));
            return null;
        }

        var federated = ApiResource(reader, spec, "federatedType", federatedGroupRequired: true);
        var target = ApiResource(reader, spec, "targetType", federatedGroupRequired: false);
        var propagation = reader.RequiredString(spec, "/spec", "propagation", "spec.propagation", what);
        if (propagation is not null and not ("Enabled" or "Disabled"))
        {
            reader.Report(DocumentDiagnostics.InvalidEnum(reader.Document.At("/spec/propagation"), "spec.propagation", propagation, "Enabled, Disabled"));
            return null;
        }

        if (federated is null || target is null || propagation is null || name is null) return null;
        if (name != target.ConfigName)
        {
            reader.Report(DocumentDiagnostics.TypeConfigName(reader.Document.At("/metadata/name"), name, target.ConfigName));
            return null;
        }

        return new TypeConfig(federated.Kind, target, propagation == "Enabled", reader.Document.At("/spec/federatedType/kind"));
    }

    /// <summary>An APIResource of a FederatedTypeConfig, checked as KubeFed's admission webhook did.</summary>
    private static TargetType? ApiResource(DocumentReader reader, JsonObject spec, string field, bool federatedGroupRequired)
    {
        const string what = "FederatedTypeConfig";
        var pointer = "/spec/" + field;
        var node = reader.Object(spec, "/spec", field, "spec." + field);
        if (node is null)
        {
            if (DocumentReader.Child(spec, field) is null) reader.Report(DocumentDiagnostics.MissingField(reader.Document.At("/spec"), "spec." + field, what));
            return null;
        }

        var group = reader.String(node, pointer, "group", $"spec.{field}.group") ?? string.Empty;
        var version = reader.RequiredString(node, pointer, "version", $"spec.{field}.version", what);
        var kind = reader.RequiredString(node, pointer, "kind", $"spec.{field}.kind", what);
        var plural = reader.RequiredString(node, pointer, "pluralName", $"spec.{field}.pluralName", what);
        var scope = reader.RequiredString(node, pointer, "scope", $"spec.{field}.scope", what);
        var ok = !reader.Failed && version is not null && kind is not null && plural is not null && scope is not null;

        void Check(string key, string? value, string? problem)
        {
            if (value is null || problem is null) return;
            reader.Report(DocumentDiagnostics.InvalidTypeConfigField(reader.Document.At(pointer + "/" + key), $"spec.{field}.{key}", value, problem));
            ok = false;
        }

        if (federatedGroupRequired && group.Length == 0)
        {
            reader.Report(DocumentDiagnostics.MissingField(reader.Document.At(pointer), $"spec.{field}.group", what));
            ok = false;
        }
        else if (federatedGroupRequired && !group.Contains('.', StringComparison.Ordinal))
        {
            Check("group", group, "a federated type's group must be a domain with at least one dot (types.kubefed.io)");
        }

        Check("group", group.Length == 0 ? null : group, KubernetesNames.CheckSubdomain(group));
        Check("version", version, version is null ? null : KubernetesNames.CheckDns1035Label(version));
        Check("kind", kind, kind is null ? null : KubernetesNames.CheckDns1035Label(kind.ToLowerInvariant()));
        Check("pluralName", plural, plural is null ? null : KubernetesNames.CheckDns1035Label(plural));
        if (scope is not null and not ("Namespaced" or "Cluster"))
        {
            reader.Report(DocumentDiagnostics.InvalidEnum(reader.Document.At(pointer + "/scope"), $"spec.{field}.scope", scope, "Namespaced, Cluster"));
            ok = false;
        }

        if (!ok || version is null || kind is null || plural is null || scope is null) return null;
        return new TargetType(group, version, kind, plural, scope == "Namespaced");
    }

    private static FederatedResource? BindResource(DocumentReader reader, JsonObject root, TypeConfig type)
    {
        var kind = type.FederatedKind;
        var document = reader.Document;
        var metadata = reader.Object(root, string.Empty, "metadata", "metadata");
        var name = reader.RequiredString(metadata, "/metadata", "name", "metadata.name", kind);
        var ns = reader.String(metadata, "/metadata", "namespace", "metadata.namespace");
        if (name is null) return null;

        var nameProblem = IsNamespace(type.Target) ? KubernetesNames.CheckLabel(name) : KubernetesNames.CheckSubdomain(name);
        if (nameProblem is not null)
        {
            reader.Report(DocumentDiagnostics.InvalidName(document.At("/metadata/name"), $"{kind} name", name, nameProblem));
            return null;
        }

        if (ns is not null && KubernetesNames.CheckLabel(ns) is { } nsProblem)
        {
            reader.Report(DocumentDiagnostics.InvalidName(document.At("/metadata/namespace"), "Namespace", ns, nsProblem));
            return null;
        }

        if (type.Target.Namespaced && ns is null)
        {
            if (DocumentReader.Child(metadata, "namespace") is not null) return null;

            reader.Report(DocumentDiagnostics.MissingField(document.At("/metadata"), "metadata.namespace", $"{kind} \"{name}\" (its {type.Target.Kind} is namespaced)"));
            return null;
        }

        if (!type.Target.Namespaced && ns is not null && !IsNamespace(type.Target))
        {
            reader.Report(DocumentDiagnostics.NamespaceIgnored(document.At("/metadata/namespace"), kind, ns));
            ns = null;
        }

        var spec = reader.Object(root, string.Empty, "spec", "spec");
        var templateNode = DocumentReader.Child(spec, "template");
        JsonObject? template = null;
        if (templateNode is JsonObject t)
        {
            template = t;
        }
        else if (templateNode is not null)
        {
            reader.Report(DocumentDiagnostics.WrongType(document.At("/spec/template"), "spec.template", "a mapping (the target object's body)", JsonKinds.Describe(templateNode)));
        }

        var placement = BindPlacement(reader, spec);
        var overrides = BindOverrides(reader, spec);
        if (reader.Failed) return null;
        return new FederatedResource(document, type, name, ns, template, placement, overrides);
    }

    private static PlacementSpec BindPlacement(DocumentReader reader, JsonObject? spec)
    {
        var placement = reader.Object(spec, "/spec", "placement", "spec.placement");
        if (placement is null) return PlacementSpec.None;

        List<ClusterReference>? clusters = null;
        var list = reader.Array(placement, "/spec/placement", "clusters", "spec.placement.clusters");
        if (list is not null)
        {
            clusters = [];
            for (var i = 0; i < list.Count; i++)
            {
                var pointer = Pointer.Append("/spec/placement/clusters", i);
                if (list[i] is not JsonObject entry)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "spec.placement.clusters entry", "a mapping with a name (- name: cluster1)", JsonKinds.Describe(list[i])));
                    continue;
                }

                var clusterName = reader.RequiredString(entry, pointer, "name", "spec.placement.clusters[].name", "A placement entry");
                if (clusterName is not null) clusters.Add(new ClusterReference(clusterName, Pointer.Append(pointer, "name")));
            }
        }

        LabelSelector? selector = null;
        var selectorNode = reader.Object(placement, "/spec/placement", "clusterSelector", "spec.placement.clusterSelector");
        if (selectorNode is not null)
        {
            const string selectorPointer = "/spec/placement/clusterSelector";
            var matchLabels = reader.StringMap(selectorNode, selectorPointer, "matchLabels", "clusterSelector.matchLabels")
                .Select(e => new LabelRequirement(e.Key, e.Value, e.Pointer)).ToList();
            var expressions = new List<LabelExpression>();
            var expressionList = reader.Array(selectorNode, selectorPointer, "matchExpressions", "clusterSelector.matchExpressions");
            for (var i = 0; expressionList is not null && i < expressionList.Count; i++)
            {
                var pointer = Pointer.Append(selectorPointer + "/matchExpressions", i);
                if (expressionList[i] is not JsonObject expression)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "a matchExpressions entry", "a mapping with key, operator and values", JsonKinds.Describe(expressionList[i])));
                    continue;
                }

                var key = reader.RequiredString(expression, pointer, "key", "matchExpressions[].key", "A match expression");
                var op = reader.RequiredString(expression, pointer, "operator", "matchExpressions[].operator", "A match expression");
                List<string>? values = null;
                var valueList = reader.Array(expression, pointer, "values", "matchExpressions[].values");
                if (valueList is not null)
                {
                    values = [];
                    for (var j = 0; j < valueList.Count; j++)
                    {
                        if (JsonKinds.IsString(valueList[j], out var value))
                        {
                            values.Add(value);
                        }
                        else
                        {
                            reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(Pointer.Append(pointer + "/values", j)), "a selector value", "a string (quote it)", JsonKinds.Describe(valueList[j])));
                        }
                    }
                }

                if (key is not null && op is not null) expressions.Add(new LabelExpression(key, op, values, pointer));
            }

            selector = new LabelSelector(matchLabels, expressions);
        }

        return new PlacementSpec(clusters, selector);
    }

    private static List<ClusterOverride> BindOverrides(DocumentReader reader, JsonObject? spec)
    {
        var result = new List<ClusterOverride>();
        var list = reader.Array(spec, "/spec", "overrides", "spec.overrides");
        for (var i = 0; list is not null && i < list.Count; i++)
        {
            var pointer = Pointer.Append("/spec/overrides", i);
            if (list[i] is not JsonObject entry)
            {
                reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(pointer), "a spec.overrides entry", "a mapping with clusterName and clusterOverrides", JsonKinds.Describe(list[i])));
                continue;
            }

            var clusterName = reader.RequiredString(entry, pointer, "clusterName", "spec.overrides[].clusterName", "An overrides entry");
            var operations = new List<OverrideOperation>();
            var ops = reader.Array(entry, pointer, "clusterOverrides", "spec.overrides[].clusterOverrides");
            for (var j = 0; ops is not null && j < ops.Count; j++)
            {
                var opPointer = Pointer.Append(pointer + "/clusterOverrides", j);
                if (ops[j] is not JsonObject op)
                {
                    reader.Report(DocumentDiagnostics.WrongType(reader.Document.At(opPointer), "a clusterOverrides entry", "a mapping with op, path and value", JsonKinds.Describe(ops[j])));
                    continue;
                }

                var opName = reader.String(op, opPointer, "op", "clusterOverrides[].op") ?? string.Empty;
                var path = reader.String(op, opPointer, "path", "clusterOverrides[].path");
                var value = DocumentReader.Child(op, "value");
                operations.Add(new OverrideOperation(opName, path, value, opPointer));
            }

            if (clusterName is not null) result.Add(new ClusterOverride(clusterName, operations, pointer));
        }

        return result;
    }
}
