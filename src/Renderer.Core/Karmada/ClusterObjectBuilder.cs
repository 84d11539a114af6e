using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// Builds the object one cluster receives from a resource template, as Karmada's binding controller makes its
/// Work: the template without the fields Karmada prunes (server-set metadata, finalizers, owner references,
/// status), the cluster's replica share written in, then the override rules in order. Karmada's own
/// bookkeeping labels and annotations are not added: they carry identifiers only a live control plane has.
/// </summary>
public static class ClusterObjectBuilder
{
    private static readonly string[] PrunedMetadata =
        ["creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "managedFields", "resourceVersion", "selfLink", "uid", "ownerReferences", "finalizers"];

    /// <summary>The template as every cluster starts from it.</summary>
    public static JsonObject Base(FederatedResource template)
    {
        var result = template.Template?.DeepClone() as JsonObject ?? new JsonObject();
        result.Remove("status");
        if (result["metadata"] is JsonObject metadata)
        {
            foreach (var field in PrunedMetadata) metadata.Remove(field);
        }

        return result;
    }

    /// <summary>The object for <paramref name="cluster"/>, or null when an overrider fails there (the diagnostics say why).</summary>
    public static JsonObject? Build(FederatedResource template, KarmadaCluster cluster, TemplatePlacement placement, IReadOnlyList<OverridePolicy> overridePolicies, List<Diagnostic> diagnostics)
    {
        var obj = Base(template);
        if (placement.Assignment.Replicas?.TryGetValue(cluster.Name, out var replicas) == true)
        {
            var spec = obj["spec"] as JsonObject ?? new JsonObject();
            obj["spec"] = spec;
            spec[template.Target.Kind == "Job" ? "parallelism" : "replicas"] = replicas;
            if (placement.Assignment.Completions?.TryGetValue(cluster.Name, out var completions) == true) spec["completions"] = completions;
        }

        var rules = OverrideSelector.Rules(template, cluster, overridePolicies);
        foreach (var (policy, rule) in rules)
        {
            if (placement.AutoPropagatedNamespace && placement.Match is null && policy.Namespace is not null) continue;
            if (!OverriderApplier.Apply(obj, template, policy, rule, cluster.Name, diagnostics)) return null;
            if (IdentityChanged(template, obj) is { } what)
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.PatchFailed(policy.Document.At(rule.Pointer), cluster.Name, "override", rule.Pointer, $"it changes the object's {what}, which fedrender cannot lay out"));
                return null;
            }
        }

        return obj;
    }

    private static string? IdentityChanged(FederatedResource template, JsonObject obj)
    {
        if (!JsonKinds.IsString(obj.At("/metadata/name"), out var name) || name != template.Name) return "name";
        var ns = obj.At("/metadata/namespace");
        if (template.Target.Namespaced ? !JsonKinds.IsString(ns, out var n) || n != template.Namespace : ns is JsonValue v && JsonKinds.IsString(v, out var s) && s.Length > 0) return "namespace";
        return JsonKinds.IsString(obj["kind"], out var kind) && kind == template.Target.Kind ? null : "kind";
    }
}
