using Renderer.Core.Diagnostics;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// The placement of one resource, decided once by <see cref="NamespacePlacement.Place"/>: its own placement and the
/// rule behind it, the namespace or scope gate, and its final clusters. Only the facts are kept; the sentences that
/// explain them for one cluster are written by <see cref="For"/> when asked.
/// </summary>
public sealed record ResourcePlacement(FederatedResource Resource, OwnPlacement Own, NamespaceGateRule Gate, ClusterSelection Final)
{
    /// <summary>For <see cref="NamespaceGateRule.FederatedNamespace"/>: the FederatedNamespace that gates the resource.</summary>
    public FederatedResource? FederatedNamespace { get; init; }

    /// <summary>For <see cref="NamespaceGateRule.FederatedNamespace"/>: the clusters that FederatedNamespace's own placement selects.</summary>
    public ClusterSelection NamespaceSelection { get; init; } = ClusterSelection.Nothing;

    /// <summary>True for a FederatedNamespace of a system namespace: it gates, but renders no Namespace object (rule 14).</summary>
    public bool SystemNamespace { get; init; }

    /// <summary>Whether an object is rendered for <paramref name="cluster"/>.</summary>
    public bool PlacedOn(string cluster) => Final.Contains(cluster);

    /// <summary>The decision for one registered cluster, with the steps explain and preview show.</summary>
    public ClusterPlacement For(MemberCluster cluster)
    {
        var steps = new List<PlacementStep>(3) { OwnStep(cluster) };
        var selected = Own.Selects(cluster.Name);
        if (selected && GateStep(cluster.Name) is { } gate) steps.Add(gate);
        if (SystemNamespace)
        {
            steps.Add(new("namespace", "14", false, $"Namespace {Resource.Name} is a system namespace: no Namespace object is rendered, but it gates its resources (rule 14)", Resource.Document.At("/metadata/name")));
        }

        return new ClusterPlacement(cluster.Name, selected, PlacedOn(cluster.Name), steps);
    }

    private PlacementStep OwnStep(MemberCluster cluster)
    {
        var document = Resource.Document;
        var name = cluster.Name;
        var at = Own.AtKey ? document.KeyAt(Own.Pointer) : document.At(Own.Pointer);
        switch (Own.Rule)
        {
            case OwnPlacementRule.Scheduler:
                return Own.Selects(name)
                    ? new("placement", "38", true, $"a ReplicaSchedulingPreference places it on every candidate cluster, {name} included (rule 38)", at)
                    : new("placement", "36", false, $"a ReplicaSchedulingPreference places it only on its candidates, which exclude {name} (rule 36)", at);
            case OwnPlacementRule.ClustersList:
                return Own.ListedPointer(name) is { } listed
                    ? new("placement", "1", true, $"spec.placement.clusters lists {name} (rule 1)", document.At(listed))
                    : new("placement", "1", false, $"spec.placement.clusters does not list {name} (rule 1)", at);
            case OwnPlacementRule.EmptyClustersList:
                return new("placement", "2", false, "spec.placement.clusters is [], which selects no cluster (rule 2)", at);
            case OwnPlacementRule.NoPlacement:
                return new("placement", "3", false, "there is no placement, so it goes to no cluster (rule 3)", at);
            case OwnPlacementRule.InvalidSelector:
                return new("placement", "7", false, $"the cluster selector is invalid ({Own.Problem}), so it goes to no cluster (rule 7)", at);
            case OwnPlacementRule.EmptySelector:
                return new("placement", "4", Own.Selects(name), "clusterSelector is empty, which selects every registered cluster (rule 4)", at);
            default:
                var labels = cluster.Labels.Count == 0 ? "no labels" : "labels " + string.Join(", ", cluster.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));
                return Own.Selects(name)
                    ? new("placement", "5-6", true, $"{name}'s {labels} satisfy the cluster selector (rules 5-6)", at)
                    : new("placement", "5-6", false, $"{name}'s {labels} do not satisfy the cluster selector (rules 5-6)", at);
        }
    }

    private PlacementStep? GateStep(string cluster)
    {
        var document = Resource.Document;
        var ns = Resource.Namespace ?? string.Empty;
        switch (Gate)
        {
            case NamespaceGateRule.NamespaceNotSent:
                return new("scope", "10, 16", false, "the control plane is namespace-scoped, which sends no Namespace object; the FederatedNamespace still gates its namespace's resources (rules 10, 16)", document.At("/kind"));
            case NamespaceGateRule.ClusterScopedNotPropagated:
                return new("scope", "16", false, "the control plane is namespace-scoped, which propagates no cluster-scoped type (rule 16)", document.At("/kind"));
            case NamespaceGateRule.OwnPlacementKept:
                return new("namespace", "11", true, $"namespace {ns} has no FederatedNamespace; a namespace-scoped control plane keeps the resource's own placement (rule 11)", document.At("/metadata/namespace"));
            case NamespaceGateRule.NamespaceNotFederated:
                return new("namespace", "11", false, $"namespace {ns} has no FederatedNamespace, so the resource goes nowhere (rule 11)", document.At("/metadata/namespace"));
            case NamespaceGateRule.FederatedNamespace:
                var at = FederatedNamespace?.Document.At("/metadata/name") ?? SourceLocation.None;
                return NamespaceSelection.Contains(cluster)
                    ? new("namespace", "10", true, $"FederatedNamespace {ns} includes {cluster} (rule 10)", at)
                    : new("namespace", "10", false, $"FederatedNamespace {ns} does not include {cluster}, and a resource goes only where its namespace goes (rule 10)", at);
            default:
                return null;
        }
    }
}
