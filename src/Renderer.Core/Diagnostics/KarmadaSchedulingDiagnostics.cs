namespace Renderer.Core.Diagnostics;

/// <summary>FR61xx: dividing replicas as Karmada's scheduler does.</summary>
public static class KarmadaSchedulingDiagnostics
{
    public static Diagnostic TieBroken(SourceLocation at, string display, string chosen, string other) =>
        new("FR6101", Severity.Info,
            $"Dividing the replicas of {display} ties; Karmada breaks the tie by a hash of the resource's UID, which offline inputs do not have, so fedrender breaks it by cluster name, ascending (Karmada's order for an even hash): {chosen}. With an odd hash Karmada gives {other}; change the weights if the result must not depend on the UID.", at);

    public static Diagnostic NeedsLiveCapacity(SourceLocation at, string what) =>
        new("FR6102", Severity.Error,
            $"{what} divides replicas by the clusters' free capacity, which only a live control plane knows, so it cannot be rendered offline; use Weighted with a staticWeightList, or Duplicated.", at);

    public static Diagnostic NoWeightMatches(SourceLocation at, string display) =>
        new("FR6103", Severity.Warning,
            $"No staticWeightList entry matches a cluster that {display} is placed on, so Karmada weighs every placed cluster 1; fix the entries' targetCluster.", at);

    public static Diagnostic ClusterLeftOut(SourceLocation at, string display, string cluster) =>
        new("FR6104", Severity.Info,
            $"{display} gets no replicas on cluster \"{cluster}\" (no weight, or its share rounds to 0), and Karmada then sends it nothing there.", at) { Cluster = cluster };
}
