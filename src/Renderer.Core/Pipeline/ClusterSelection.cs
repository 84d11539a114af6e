namespace Renderer.Core.Pipeline;

/// <summary>The clusters a placement selects, sorted by name; <see cref="Valid"/> is false for an invalid selector (rule 7).</summary>
public sealed record ClusterSelection(IReadOnlyList<string> Clusters, bool Valid)
{
    public static ClusterSelection Nothing { get; } = new([], true);

    public static ClusterSelection Invalid { get; } = new([], false);

    public bool Contains(string cluster) => Clusters.Contains(cluster, StringComparer.Ordinal);
}
