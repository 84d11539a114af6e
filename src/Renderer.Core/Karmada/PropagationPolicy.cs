using Renderer.Core.Input;

namespace Renderer.Core.Karmada;

/// <summary>
/// A PropagationPolicy, or a ClusterPropagationPolicy when <see cref="Namespace"/> is null. <see cref="Affinity"/>
/// is the placement's clusterAffinity or the first group of clusterAffinities (null: every cluster).
/// </summary>
public sealed record PropagationPolicy(
    SourceDocument Document,
    string Name,
    string? Namespace,
    int Priority,
    IReadOnlyList<ResourceSelector> Selectors,
    ClusterAffinity? Affinity,
    ReplicaScheduling Replicas)
{
    public bool IsClusterPolicy => Namespace is null;

    /// <summary>How diagnostics and explain name the policy.</summary>
    public string DisplayName => Namespace is null ? $"ClusterPropagationPolicy {Name}" : $"PropagationPolicy {Namespace}/{Name}";
}
