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

    /// <summary>Each resource's own clusters, its namespace gate and its final clusters, each worked out once.</summary>
    public static PlacementResult Place(Federation federation, ControlPlaneScope scope, List<Diagnostic> diagnostics)
    {
        var own = new Dictionary<FederatedResource, OwnPlacement>(ReferenceEqualityComparer.Instance);
        foreach (var resource in federation.Resources)
        {
            if (resource.Placement.Clusters is null && resource.Placement.Selector is null)
            {
                diagnostics.Add(PlacementDiagnostics.NoPlacement(resource.Document.KeyAt("/spec"), resource.DisplayName));
            }

            own[resource] = PlacementResolver.Resolve(resource.Placement, federation.Clusters, resource.Document, diagnostics);
        }

        var result = new Dictionary<FederatedResource, ResourcePlacement>(ReferenceEqualityComparer.Instance);
        foreach (var resource in federation.Resources)
        {
            result[resource] = Gate(resource, own[resource], federation, own, scope, diagnostics);
        }

        return new PlacementResult(federation.Clusters, result);
    }

    /// <summary>The resource's own placement through its namespace gate or the control plane's scope (rules 10-16).</summary>
    private static ResourcePlacement Gate(FederatedResource resource, OwnPlacement placement, Federation federation, Dictionary<FederatedResource, OwnPlacement> own, ControlPlaneScope scope, List<Diagnostic> diagnostics)
    {
        var selection = placement.Selection;
        if (!resource.Target.Namespaced)
        {
            var isNamespace = DocumentBinder.IsNamespace(resource.Target);
            if (scope == ControlPlaneScope.Namespaced)
            {
                // A FederatedNamespace still gates its namespace (rule 10); only its Namespace object is not sent.
                if (!isNamespace) diagnostics.Add(PlacementDiagnostics.ClusterScopedUnderNamespacedPlane(resource.Document.At("/kind"), resource.DisplayName));
                var gate = isNamespace ? NamespaceGateRule.NamespaceNotSent : NamespaceGateRule.ClusterScopedNotPropagated;
                return new ResourcePlacement(resource, placement, gate, ClusterSelection.Nothing) { SystemNamespace = IsSystemNamespace(resource) };
            }

            // A system namespace gates its resources but renders no Namespace object (rule 14).
            return IsSystemNamespace(resource)
                ? new ResourcePlacement(resource, placement, NamespaceGateRule.None, selection with { Clusters = [] }) { SystemNamespace = true }
                : new ResourcePlacement(resource, placement, NamespaceGateRule.None, selection);
        }

        var ns = resource.Namespace ?? string.Empty;
        if (federation.Namespaces.TryGetValue(ns, out var federatedNamespace) && own.TryGetValue(federatedNamespace, out var nsPlacement))
        {
            var clusters = selection.Clusters.Where(nsPlacement.Selection.Contains).ToList();
            return new ResourcePlacement(resource, placement, NamespaceGateRule.FederatedNamespace, selection with { Clusters = clusters })
            {
                FederatedNamespace = federatedNamespace,
                NamespaceSelection = nsPlacement.Selection,
            };
        }

        if (scope == ControlPlaneScope.Namespaced) return new ResourcePlacement(resource, placement, NamespaceGateRule.OwnPlacementKept, selection);
        if (selection.Clusters.Count > 0)
        {
            diagnostics.Add(PlacementDiagnostics.NamespaceNotFederated(resource.Document.At("/metadata/namespace"), resource.DisplayName, ns));
        }

        return new ResourcePlacement(resource, placement, NamespaceGateRule.NamespaceNotFederated, ClusterSelection.Nothing);
    }

    private static bool IsSystemNamespace(FederatedResource resource) => DocumentBinder.IsNamespace(resource.Target) && SystemNamespaces.Contains(resource.Name);
}
