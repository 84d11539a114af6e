namespace Renderer.Core.Diagnostics;

/// <summary>FR31xx: which policy propagates a resource template and which clusters it picks.</summary>
public static class KarmadaPlacementDiagnostics
{
    public static Diagnostic UnknownCluster(SourceLocation at, string cluster, string known) =>
        new("FR3101", Severity.Warning,
            $"Cluster \"{cluster}\" is not a registered Cluster, so it matches nothing; add a Cluster named {cluster} (cluster.karmada.io/v1alpha1) or remove it (registered: {known}).", at);

    public static Diagnostic InvalidSelector(SourceLocation at, string problem) =>
        new("FR3102", Severity.Error,
            $"Invalid label selector: {problem}; Karmada then matches nothing with it, so fix the selector.", at);

    public static Diagnostic NoPolicy(SourceLocation at, string display) =>
        new("FR3103", Severity.Warning,
            $"No PropagationPolicy or ClusterPropagationPolicy selects {display}, so it goes to no cluster; add a policy whose resourceSelectors match it, or remove the template.", at);

    public static Diagnostic LaterAffinityGroups(SourceLocation at, int groups, string first) =>
        new("FR3104", Severity.Info,
            $"Only the first of {groups} clusterAffinities groups (\"{first}\") is rendered: Karmada moves to a later group only when scheduling into the first fails, which needs a live control plane.", at);

    public static Diagnostic SkippedNamespace(SourceLocation at, string display, string ns, string pattern) =>
        new("FR3105", Severity.Warning,
            $"{display} is in namespace \"{ns}\", which karmada-controller-manager skips (--skipped-propagating-namespaces pattern \"{pattern}\"), so it goes to no cluster; move it to another namespace, or list the skipped namespaces in a {Karmada.KarmadaDocuments.OptionsKind} document ({Karmada.KarmadaDocuments.OptionsApiVersion}) and start the controller with the same flag.", at);

    public static Diagnostic ChosenByName(SourceLocation at, string display, string chosen, string other) =>
        new("FR3106", Severity.Info,
            $"{display} is matched as closely by {chosen} and {other} (same priority and precision); Karmada takes the policy whose name sorts first, {chosen}.", at);

    public static Diagnostic NoClusterSelected(SourceLocation at, string policy, string display) =>
        new("FR3107", Severity.Warning,
            $"{policy} selects {display} but its placement matches no registered Cluster, so it goes to no cluster; fix clusterAffinity or register the clusters.", at);

    public static Diagnostic InvalidFieldSelector(SourceLocation at, string problem) =>
        new("FR3108", Severity.Error,
            $"Invalid fieldSelector: {problem}; use key provider, region or zone with In, NotIn, Exists or DoesNotExist.", at);

    public static Diagnostic ReservedNamespace(SourceLocation at, string display, string ns) =>
        new("FR3109", Severity.Warning,
            $"{display} is in namespace \"{ns}\", which Karmada reserves for itself (karmada-system, karmada-cluster, karmada-es-*), so it is never propagated; move it to another namespace.", at);
}
