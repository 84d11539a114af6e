using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Secrets;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Explains one object on one cluster: which placement rule put it there or left it out, the namespace
/// intersection, the replica scheduling share, and for each field the template line or the override (file,
/// line, op) that set it last.
/// </summary>
public static class Explainer
{
    public static Explanation? Explain(
        Federation federation,
        IReadOnlyDictionary<FederatedResource, ClusterSelection> placements,
        ControlPlaneScope scope,
        string cluster,
        string kind,
        string? ns,
        string name,
        string? field)
    {
        var resource = federation.Resources.FirstOrDefault(r =>
            string.Equals(r.Target.Kind, kind, StringComparison.OrdinalIgnoreCase) && r.Name == name && (!r.Target.Namespaced || r.Namespace == ns));
        if (resource is null) return null;

        var steps = new List<ExplanationStep>();
        var document = resource.Document;
        if (!Decide(resource, federation, placements, scope, cluster, steps))
        {
            return new Explanation(resource.DisplayName, cluster, false, steps, []);
        }

        var diagnostics = new List<Diagnostic>();
        var plan = OverrideValidator.Plan(resource, diagnostics, Validation.CustomResourceSchemas.DeclaredVersions(federation.CustomResourceDefinitions));
        var patch = plan.Clusters.GetValueOrDefault(cluster);
        var built = plan.Valid ? ObjectBuilder.Build(resource, cluster, patch, diagnostics) : null;
        if (built is null)
        {
            foreach (var error in diagnostics.Where(d => d.IsError)) steps.Add(new("overrides", error.Message, error.Location));
            return new Explanation(resource.DisplayName, cluster, false, steps, []);
        }

        if (resource.Placement.WrittenByScheduler)
        {
            var replicas = built.At("/spec/replicas")?.ToJsonString() ?? "?";
            var preference = federation.Preferences.FirstOrDefault(p => p.Namespace == resource.Namespace && p.Name == resource.Name && p.TargetKind == resource.Type.FederatedKind);
            var at = preference is null ? document.At("/spec/replicas") : preference.Document.At("/spec/totalReplicas");
            var which = preference is null ? "a ReplicaSchedulingPreference" : $"ReplicaSchedulingPreference {preference.Namespace}/{preference.Name}";
            steps.Add(new("replicas", $"{which} divides the replicas; this cluster's share is {replicas} (rules 37-38)", at));
        }

        if (patch is { Operations.Count: > 0 }) steps.Add(new("overrides", $"{patch.Operations.Count} override(s) for {cluster} apply", document.At(patch.Source.Pointer + "/clusterName")));
        // Hidden by where they sit in the built object, whatever pointer the field was asked by.
        var hidden = SecretKinds.IsSecret(resource.Target) ? SecretValues.Leaves(built) : new HashSet<JsonNode>();
        var fields = new List<FieldOrigin>();
        var start = field is null or "/" ? string.Empty : field;
        if (start.Length > 0 && built.At(start) is null)
        {
            fields.Add(new(start, "(absent)", "no field at this path", SourceLocation.None));
        }
        else
        {
            Collect(built.At(start) ?? built, start, leaf => fields.Add(Origin(resource, patch, leaf.Pointer, Show(leaf.Node, hidden))));
        }

        return new Explanation(resource.DisplayName, cluster, true, steps, fields);
    }

    /// <summary>Whether <paramref name="resource"/> lands on <paramref name="cluster"/>, with the steps that decided it (placement, namespace, scope).</summary>
    public static bool Decide(
        FederatedResource resource,
        Federation federation,
        IReadOnlyDictionary<FederatedResource, ClusterSelection> placements,
        ControlPlaneScope scope,
        string cluster,
        List<ExplanationStep> steps)
    {
        var document = resource.Document;
        var member = federation.Clusters.FirstOrDefault(c => c.Name == cluster);
        if (member is null)
        {
            steps.Add(new("cluster", $"\"{cluster}\" is not a registered cluster (registered: {string.Join(", ", federation.Clusters.Select(c => c.Name))})", SourceLocation.None));
            return false;
        }

        var own = OwnPlacement(resource, member, steps);
        var placed = own && NamespaceGate(resource, federation, placements, scope, cluster, steps);
        if (DocumentBinder.IsNamespace(resource.Target) && NamespacePlacement.SystemNamespaces.Contains(resource.Name))
        {
            steps.Add(new("namespace", $"Namespace {resource.Name} is a system namespace: no Namespace object is rendered, but it gates its resources (rule 14)", document.At("/metadata/name")));
            placed = false;
        }

        return placed && placements.TryGetValue(resource, out var selection) && selection.Contains(cluster);
    }

    private static bool OwnPlacement(FederatedResource resource, MemberCluster cluster, List<ExplanationStep> steps)
    {
        var document = resource.Document;
        var spec = resource.Placement;
        if (spec.WrittenByScheduler)
        {
            var listed = spec.Clusters?.Any(c => c.Name == cluster.Name) == true;
            steps.Add(new("placement", listed
                ? $"a ReplicaSchedulingPreference places it on every candidate cluster, {cluster.Name} included (rule 38)"
                : $"a ReplicaSchedulingPreference places it only on its candidates, which exclude {cluster.Name} (rule 36)", document.At("/metadata/name")));
            return listed;
        }

        if (spec.Clusters is { Count: > 0 } list)
        {
            var reference = list.FirstOrDefault(c => c.Name == cluster.Name);
            steps.Add(reference is null
                ? new("placement", $"spec.placement.clusters does not list {cluster.Name} (rule 1)", document.At("/spec/placement/clusters"))
                : new("placement", $"spec.placement.clusters lists {cluster.Name} (rule 1)", document.At(reference.Pointer)));
            return reference is not null;
        }

        if (spec.Clusters is not null)
        {
            steps.Add(new("placement", "spec.placement.clusters is [], which selects no cluster (rule 2)", document.At("/spec/placement/clusters")));
            return false;
        }

        if (spec.Selector is null)
        {
            steps.Add(new("placement", "there is no placement, so it goes to no cluster (rule 3)", document.KeyAt("/spec")));
            return false;
        }

        if (PlacementResolver.Validate(spec.Selector, out var at) is { } problem)
        {
            steps.Add(new("placement", $"the cluster selector is invalid ({problem}), so it goes to no cluster (rule 7)", document.At(at)));
            return false;
        }

        var labels = cluster.Labels.Count == 0 ? "no labels" : "labels " + string.Join(", ", cluster.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
        if (spec.Selector.IsEmpty)
        {
            steps.Add(new("placement", $"clusterSelector is empty, which selects every registered cluster (rule 4)", document.At("/spec/placement/clusterSelector")));
            return true;
        }

        var matches = PlacementResolver.Matches(spec.Selector, cluster.Labels);
        steps.Add(new("placement", matches
            ? $"{cluster.Name}'s {labels} satisfy the cluster selector (rules 5-6)"
            : $"{cluster.Name}'s {labels} do not satisfy the cluster selector (rules 5-6)", document.At("/spec/placement/clusterSelector")));
        return matches;
    }

    private static bool NamespaceGate(FederatedResource resource, Federation federation, IReadOnlyDictionary<FederatedResource, ClusterSelection> placements, ControlPlaneScope scope, string cluster, List<ExplanationStep> steps)
    {
        if (!resource.Target.Namespaced)
        {
            if (scope != ControlPlaneScope.Namespaced || DocumentBinder.IsNamespace(resource.Target)) return true;
            steps.Add(new("scope", "the control plane is namespace-scoped, which propagates no cluster-scoped type (rule 16)", resource.Document.At("/kind")));
            return false;
        }

        var ns = resource.Namespace ?? string.Empty;
        if (!federation.Namespaces.TryGetValue(ns, out var federatedNamespace))
        {
            if (scope == ControlPlaneScope.Namespaced)
            {
                steps.Add(new("namespace", $"namespace {ns} has no FederatedNamespace; a namespace-scoped control plane keeps the resource's own placement (rule 11)", resource.Document.At("/metadata/namespace")));
                return true;
            }

            steps.Add(new("namespace", $"namespace {ns} has no FederatedNamespace, so the resource goes nowhere (rule 11)", resource.Document.At("/metadata/namespace")));
            return false;
        }

        var included = placements.TryGetValue(federatedNamespace, out var selection) && selection.Contains(cluster);
        steps.Add(new("namespace", included
            ? $"FederatedNamespace {ns} includes {cluster} (rule 10)"
            : $"FederatedNamespace {ns} does not include {cluster}, and a resource goes only where its namespace goes (rule 10)", federatedNamespace.Document.At("/metadata/name")));
        return included;
    }

    private static FieldOrigin Origin(FederatedResource resource, ClusterPatch? patch, string pointer, string value)
    {
        var document = resource.Document;
        if (pointer is "/apiVersion" or "/kind" or "/metadata/name" or "/metadata/namespace" or "/metadata/labels/kubefed.io~1managed")
        {
            return new(pointer, value, "set by fedrender from the federated document and its type (rules 19-21)", document.At(pointer.StartsWith("/metadata", StringComparison.Ordinal) ? "/metadata/name" : "/kind"));
        }

        if (patch is not null)
        {
            for (var i = patch.Operations.Count - 1; i >= 0; i--)
            {
                var op = patch.Operations[i];
                if (op.Path == pointer || pointer.StartsWith(op.Path + "/", StringComparison.Ordinal))
                {
                    return new(pointer, value, $"override {op.OpName} {op.Path}", document.At(patch.Pointers[i] + "/path"));
                }
            }

            // A list item the template does not have was inserted by the last add on that list.
            if (InsertedBy(resource, patch, pointer) is { } insert)
            {
                return new(pointer, value, $"override add {patch.Operations[insert].Path}", document.At(patch.Pointers[insert] + "/path"));
            }
        }

        var templatePointer = "/spec/template" + pointer;
        return document.Positions.TryGet(templatePointer, out var position)
            ? new(pointer, value, "template", position.Value)
            : new(pointer, value, "set by fedrender", SourceLocation.None);
    }

    private static int? InsertedBy(FederatedResource resource, ClusterPatch patch, string pointer)
    {
        var segments = pointer.Split('/');
        for (var depth = segments.Length - 1; depth > 1; depth--)
        {
            if (!int.TryParse(segments[depth], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)) continue;
            var list = string.Join('/', segments.Take(depth));
            var templateCount = resource.Template.At(list) is JsonArray array ? array.Count : 0;
            if (index < templateCount) continue;
            for (var i = patch.Operations.Count - 1; i >= 0; i--)
            {
                var op = patch.Operations[i];
                if (op.Kind == Patching.PatchOperationKind.Add && op.Path.StartsWith(list + "/", StringComparison.Ordinal) && op.Path.LastIndexOf('/') == list.Length) return i;
            }
        }

        return null;
    }

    /// <summary>The explanation with its steps cleaned of the inputs' Secret values (a step may quote a diagnostic); fields hide them already.</summary>
    public static Explanation Redact(Explanation explanation, SecretMap secrets) => secrets.IsEmpty ? explanation : explanation with
    {
        Steps = explanation.Steps.Select(s => s with { Text = secrets.Redact(s.Text, s.Location) }).ToList(),
    };

    private static string Show(JsonNode? node, IReadOnlySet<JsonNode> hidden)
    {
        if (node is not null && hidden.Contains(node)) return SecretValues.HiddenMark;
        return node switch
        {
            null => "null",
            JsonObject => "{}",
            JsonArray => "[]",
            _ => node.ToJsonString(),
        };
    }

    private static void Collect(JsonNode? node, string pointer, Action<(string Pointer, JsonNode? Node)> leaf)
    {
        switch (node)
        {
            case JsonObject { Count: > 0 } obj:
                foreach (var (key, value) in obj) Collect(value, Pointer.Append(pointer, key), leaf);
                break;
            case JsonArray { Count: > 0 } array:
                for (var i = 0; i < array.Count; i++) Collect(array[i], Pointer.Append(pointer, i), leaf);
                break;
            default:
                leaf((pointer, node));
                break;
        }
    }
}
