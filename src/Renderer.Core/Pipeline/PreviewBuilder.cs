using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Builds the matrix of federated resources by clusters: for each cell the placement decision (as
/// <see cref="Explainer.Decide"/> explains it), the replicas, and the cluster's object against the template's.
/// </summary>
public static class PreviewBuilder
{
    public static IReadOnlyList<PreviewRow> Build(Federation federation, IReadOnlyDictionary<FederatedResource, ClusterSelection> placements, ControlPlaneScope scope, IReadOnlyList<string> clusters)
    {
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
            var template = ObjectBuilder.Build(resource, clusters.FirstOrDefault() ?? string.Empty, null, ignored);
            var templateYaml = Show(template);
            var cells = new List<PreviewCell>(clusters.Count);
            foreach (var cluster in clusters)
            {
                var steps = new List<ExplanationStep>();
                var placed = Explainer.Decide(resource, federation, placements, scope, cluster, steps);
                // Placed: the placement rule that chose the cluster; not placed: the step that left it out (always the last).
                var decisive = placed ? steps.FirstOrDefault() : steps.LastOrDefault();
                var reason = decisive?.Text ?? (placed ? "placed" : "not placed");
                var location = decisive?.Location ?? SourceLocation.None;
                if (!placed || !plan.Valid)
                {
                    cells.Add(new PreviewCell(cluster, false, reason, location, null, false, string.Empty, []));
                    continue;
                }

                var patch = plan.Clusters.GetValueOrDefault(cluster);
                var built = ObjectBuilder.Build(resource, cluster, patch, ignored);
                if (built is null)
                {
                    cells.Add(new PreviewCell(cluster, false, "an override fails on this cluster", location, null, false, string.Empty, []));
                    continue;
                }

                var yaml = Show(built);
                var replicas = built.At("/spec/replicas") is JsonValue value && value.TryGetValue<long>(out var count) ? count : (long?)null;
                var overrides = patch is null
                    ? []
                    : patch.Operations.Select((op, i) => new PreviewOverride(op.OpName, op.Path, resource.Document.At(patch.Pointers[i] + "/path"))).ToList();
                var differs = yaml != templateYaml;
                cells.Add(new PreviewCell(cluster, true, reason, location, replicas, differs, differs ? yaml : string.Empty, overrides));
            }

            rows.Add(new PreviewRow(Anchor(resource), resource.Target.Kind, resource.Target.Namespaced ? resource.Namespace : null, resource.Name, resource.Document.Start, templateYaml, cells));
        }

        return rows;
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
