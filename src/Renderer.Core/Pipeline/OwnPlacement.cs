namespace Renderer.Core.Pipeline;

/// <summary>
/// What a resource's own placement selects (rules 1-9) and the rule that decided it, worked out once for every
/// registered cluster. <see cref="Pointer"/> is where that rule is written in the resource's document (a key when
/// <see cref="AtKey"/>); for a clusters list, <see cref="ListedAt"/> holds the pointer of the entry that lists each
/// selected cluster, in the order of <see cref="ClusterSelection.Clusters"/>.
/// </summary>
public sealed record OwnPlacement(OwnPlacementRule Rule, ClusterSelection Selection, string Pointer)
{
    /// <summary>True when <see cref="Pointer"/> names a key to point at, not a value.</summary>
    public bool AtKey { get; init; }

    /// <summary>For <see cref="OwnPlacementRule.ClustersList"/>: where each selected cluster is listed; otherwise empty.</summary>
    public IReadOnlyList<string> ListedAt { get; init; } = [];

    /// <summary>For <see cref="OwnPlacementRule.InvalidSelector"/>: what is wrong with the selector.</summary>
    public string? Problem { get; init; }

    /// <summary>Whether the own placement selects <paramref name="cluster"/>.</summary>
    public bool Selects(string cluster) => Selection.Contains(cluster);

    /// <summary>Where <paramref name="cluster"/> is listed, or null when the clusters list does not list it.</summary>
    public string? ListedPointer(string cluster)
    {
        for (var i = 0; i < ListedAt.Count && i < Selection.Clusters.Count; i++)
        {
            if (string.Equals(Selection.Clusters[i], cluster, StringComparison.Ordinal)) return ListedAt[i];
        }

        return null;
    }
}
