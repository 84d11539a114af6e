using Renderer.Core.Diagnostics;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// The final set of clusters of every resource: its own placement (rules 1-9) intersected with its
/// FederatedNamespace's (rules 10-16).
/// </summary>
public static class NamespacePlacement
{
    /// <summary>Namespaces whose FederatedNamespace renders no Namespace object but still gates (rule 14).</summary>
    public static IReadOnlySet<string> SystemNamespaces { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "default", "kube-federation-system", "kube-public", "kube-system" };

    /// <summary>The final clusters of every resource.</summary>
    public static IReadOnlyDictionary<FederatedResource, ClusterSelection> Resolve(Federation federation, ControlPlaneScope scope, List<Diagnostic> diagnostics) =>
        Place(federation, scope, diagnostics).Final;

    /// <summary>Each resource's own clusters and its final clusters, each worked out once.</summary>
    public static PlacementResult Place(Federation federation, ControlPlaneScope scope, List<Diagnostic> diagnostics)
    {
        var own = new Dictionary<FederatedResource, ClusterSelection>(ReferenceEqualityComparer.Instance);
        foreach (var resource in federation.Resources)
        {
            if (resource.Placement.Clusters is null && resource.Placement.Selector is null)
            {
                diagnostics.Add(PlacementDiagnostics.NoPlacement(resource.Document.KeyAt("/spec"), resource.DisplayName));
            }

            own[resource] = PlacementResolver.Select(resource.Placement, federation.Clusters, resource.Document, diagnostics);
        }

        var result = new Dictionary<FederatedResource, ClusterSelection>(ReferenceEqualityComparer.Instance);
        foreach (var resource in federation.Resources)
        {
            var selection = own[resource];
            if (!resource.Target.Namespaced)
            {
                if (scope == ControlPlaneScope.Namespaced)
                {
                    // A FederatedNamespace still gates its namespace (rule 10); only its Namespace object is not sent.
                    if (!DocumentBinder.IsNamespace(resource.Target)) diagnostics.Add(PlacementDiagnostics.ClusterScopedUnderNamespacedPlane(resource.Document.At("/kind"), resource.DisplayName));
                    selection = ClusterSelection.Nothing;
                }

                result[resource] = selection;
                continue;
            }

            var ns = resource.Namespace ?? string.Empty;
            if (federation.Namespaces.TryGetValue(ns, out var federatedNamespace) && own.TryGetValue(federatedNamespace, out var nsSelection))
            {
                var clusters = selection.Clusters.Where(nsSelection.Contains).ToList();
                result[resource] = selection with { Clusters = clusters };
            }
            else if (scope == ControlPlaneScope.Namespaced)
            {
                result[resource] = selection;
            }
            else
            {
                if (selection.Clusters.Count > 0)
                {
                    diagnostics.Add(PlacementDiagnostics.NamespaceNotFederated(resource.Document.At("/metadata/namespace"), resource.DisplayName, ns));
                }

                result[resource] = ClusterSelection.Nothing;
            }
        }

        return new PlacementResult(own, result);
    }
}
