namespace Renderer.Core.Pipeline;

/// <summary>What the namespace or the control plane's scope does to a resource's own placement (rules 10-16); one per resource.</summary>
public enum NamespaceGateRule
{
    /// <summary>A cluster-scoped resource under a cluster-scoped control plane: nothing gates it.</summary>
    None,

    /// <summary>A FederatedNamespace under a namespace-scoped control plane: it still gates its namespace, but its Namespace object is not sent (rules 10, 16).</summary>
    NamespaceNotSent,

    /// <summary>Any other cluster-scoped type under a namespace-scoped control plane: not propagated (rule 16).</summary>
    ClusterScopedNotPropagated,

    /// <summary>No FederatedNamespace, under a namespace-scoped control plane: the resource keeps its own placement (rule 11).</summary>
    OwnPlacementKept,

    /// <summary>No FederatedNamespace, under a cluster-scoped control plane: the resource goes nowhere (rule 11).</summary>
    NamespaceNotFederated,

    /// <summary>The FederatedNamespace's own placement intersects the resource's (rule 10).</summary>
    FederatedNamespace,
}
