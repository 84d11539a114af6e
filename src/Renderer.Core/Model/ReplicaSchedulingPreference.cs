using Renderer.Core.Input;

namespace Renderer.Core.Model;

/// <summary>
/// A ReplicaSchedulingPreference (scheduling.kubefed.io/v1alpha1): divides TotalReplicas of the
/// FederatedDeployment or FederatedReplicaSet with the same namespace and name (rules 34-38).
/// <see cref="Clusters"/> maps a cluster name or "*" to its preferences.
/// </summary>
public sealed record ReplicaSchedulingPreference(
    SourceDocument Document,
    string Name,
    string Namespace,
    string TargetKind,
    long TotalReplicas,
    bool Rebalance,
    bool IntersectWithClusterSelector,
    IReadOnlyDictionary<string, ClusterPreferences> Clusters);
