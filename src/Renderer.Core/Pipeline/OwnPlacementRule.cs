namespace Renderer.Core.Pipeline;

/// <summary>Which of rules 1-7 and 36-38 decides a resource's own placement; one per resource, whatever the cluster.</summary>
public enum OwnPlacementRule
{
    /// <summary>A ReplicaSchedulingPreference wrote the clusters list: its candidates (rules 36, 38).</summary>
    Scheduler,

    /// <summary>A non-empty <c>spec.placement.clusters</c> (rule 1).</summary>
    ClustersList,

    /// <summary><c>clusters: []</c> (rule 2).</summary>
    EmptyClustersList,

    /// <summary>Neither a clusters list nor a selector (rule 3).</summary>
    NoPlacement,

    /// <summary>An invalid cluster selector (rule 7).</summary>
    InvalidSelector,

    /// <summary>An empty cluster selector, which selects every registered cluster (rule 4).</summary>
    EmptySelector,

    /// <summary>A non-empty cluster selector matched against each cluster's labels (rules 5-6).</summary>
    Selector,
}
