using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Builds the matrix of federated resources by clusters: for each cell the placement decision (the step of
/// <see cref="ResourcePlacement"/> that decided it), the replicas, and the cluster's object, as the render built
/// it, against the template's.
/// </summary>
public static class PreviewBuilder
{
    /// <param name="federation">The federation the render placed.</param>
    /// <param name="placement">The render's placement result.</param>
    /// <param name="clusters">The clusters to show, in column order.</param>
    /// <param name="plans">What the render handed over for those clusters: the objects it built.</param>
    public static IReadOnlyList<PreviewRow> Build(Federation federation, PlacementResult placement, IReadOnlyList<MemberCluster> clusters, IReadOnlyCollection<ClusterPlan> plans)
    {
        var objects = new Dictionary<FederatedResource, Dictionary<string, JsonObject>>(ReferenceEqualityComparer.Instance);
        foreach (var plan in plans)
        {
            foreach (var item in plan.Objects)
            {
                if (!objects.TryGetValue(item.Source, out var byCluster)) objects[item.Source] = byCluster = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
                byCluster[plan.Cluster] = item.Object;
            }
        }

        var rows = new List<PreviewRow>();
        var resources = federation.Resources
            .OrderBy(r => r.Target.Namespaced ? r.Namespace ?? string.Empty : string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.Target.Kind, StringComparer.Ordinal)
            .ThenBy(r => r.Target.Group, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal);
        var crdVersions = Validation.CustomResourceSchemas.DeclaredVersions(federation.CustomResourceDefinitions);
        foreach (var resource in resources)
        {
            var ignored = new List<Diagnostic>();
            var plan = OverrideValidator.Plan(resource, ignored, crdVersions);
            var rendered = objects.GetValueOrDefault(resource);
            var template = Template(resource, plan, clusters, rendered);
            var templateYaml = Show(template);
            var cells = new List<PreviewCell>(clusters.Count);
            foreach (var cluster in clusters)
            {
                var decision = placement.Decide(resource, cluster.Name);
                var placed = decision.Placed;
                var decisive = decision.Decisive;
                var reason = decisive?.Text ?? (placed ? "placed" : "not placed");
                var location = decisive?.Location ?? SourceLocation.None;
                if (!placed || !plan.Valid)
                {
                    cells.Add(new PreviewCell(cluster.Name, false, reason, location, null, false, string.Empty, []));
                    continue;
                }

                var patch = plan.Clusters.GetValueOrDefault(cluster.Name);
                // The render hands over every placed object but the plain Secrets it omits (--secrets omit): those are built here.
                var built = rendered?.GetValueOrDefault(cluster.Name) ?? ObjectBuilder.Build(resource, cluster.Name, patch, ignored);
                if (built is null)
                {
                    cells.Add(new PreviewCell(cluster.Name, false, "an override fails on this cluster", location, null, false, string.Empty, []));
                    continue;
                }

                var yaml = Show(built);
                var replicas = built.At("/spec/replicas") is JsonValue value && value.TryGetValue<long>(out var count) ? count : (long?)null;
                var overrides = patch is null
                    ? []
                    : patch.Operations.Select((op, i) => new PreviewOverride(op.OpName, op.Path, resource.Document.At(patch.Pointers[i] + "/path"))).ToList();
                var differs = yaml != templateYaml;
                cells.Add(new PreviewCell(cluster.Name, true, reason, location, replicas, differs, differs ? yaml : string.Empty, overrides));
            }

            rows.Add(new PreviewRow(Anchor(resource), resource.Target.Kind, resource.Target.Namespaced ? resource.Namespace : null, resource.Name, resource.Document.Start, templateYaml, cells));
        }

        return rows;
    }

    /// <summary>
    /// The object the template alone builds: the render's object on a shown cluster without overrides when there
    /// is one (it is the template's), otherwise built here.
    /// </summary>
    private static JsonObject? Template(FederatedResource resource, OverridePlan plan, IReadOnlyList<MemberCluster> clusters, Dictionary<string, JsonObject>? rendered)
    {
        foreach (var cluster in clusters)
        {
            if (plan.Clusters.GetValueOrDefault(cluster.Name) is { Operations.Count: > 0 }) continue;
            if (rendered?.GetValueOrDefault(cluster.Name) is { } shared) return shared;
        }

        return ObjectBuilder.Build(resource, string.Empty, null, []);
    }

    /// <summary>The object as YAML, with a Secret's values replaced by hashes.</summary>
    private static string Show(JsonObject? built)
    {
        if (built is null) return string.Empty;
        if (SecretValues.IsSecret(built["apiVersion"]?.ToString(), built["kind"]?.ToString()))
        {
            var copy = (JsonObject)built.DeepClone();
            SecretValues.Hide(copy);
            return YamlEmitter.Emit(copy);
        }

        return YamlEmitter.Emit(built);
    }

    private static string Anchor(FederatedResource resource)
    {
        var text = (resource.Target.Group + "-" + resource.Target.Kind + "-" + (resource.Namespace ?? "_") + "-" + resource.Name).ToLowerInvariant();
        return "r-" + new string(text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-').ToArray());
    }
}
