namespace Renderer.Core.Diagnostics;

/// <summary>FR3xxx: which clusters a resource goes to (KubeFed rules 1-16).</summary>
public static class PlacementDiagnostics
{
    public static Diagnostic UnregisteredCluster(SourceLocation at, string cluster, string known, string? suggestion = null) =>
        new("FR3001", Severity.Warning,
            $"Cluster \"{Visible.Quote(cluster)}\" is not registered, so it is left out (rule 8); {(suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? Otherwise ")}add a KubeFedCluster named {Visible.Quote(cluster)} or remove it from spec.placement.clusters (registered: {known}).", at);

    public static Diagnostic InvalidSelector(SourceLocation at, string problem) =>
        new("FR3002", Severity.Error,
            $"Invalid cluster selector: {problem}; KubeFed propagates such a resource to no cluster (rule 7).", at);

    public static Diagnostic NamespaceNotFederated(SourceLocation at, string display, string ns) =>
        new("FR3003", Severity.Warning,
            $"{display} goes to no cluster: namespace \"{ns}\" has no FederatedNamespace (rule 11); add a FederatedNamespace named {ns} in namespace {ns}.", at);

    public static Diagnostic DuplicateClusterInPlacement(SourceLocation at, string cluster) =>
        new("FR3004", Severity.Warning,
            $"Cluster \"{cluster}\" is listed twice in spec.placement.clusters; remove the repeat.", at);

    public static Diagnostic NoPlacement(SourceLocation at, string display) =>
        new("FR3005", Severity.Warning,
            $"{display} has no spec.placement (or neither clusters nor clusterSelector), so it goes to no cluster (rule 3); add spec.placement.clusters or spec.placement.clusterSelector.", at);

    public static Diagnostic ClusterScopedUnderNamespacedPlane(SourceLocation at, string display) =>
        new("FR3006", Severity.Warning,
            $"{display} is cluster-scoped and the control plane is namespace-scoped, so it is not propagated (rule 16); remove it or use a cluster-scoped control plane.", at);

    public static Diagnostic SelectorIgnored(SourceLocation at) =>
        new("FR3007", Severity.Info,
            "spec.placement.clusterSelector is ignored because spec.placement.clusters is set (rule 1); remove one of them.", at);
}
