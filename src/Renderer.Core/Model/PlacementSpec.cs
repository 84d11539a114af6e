namespace Renderer.Core.Model;

/// <summary>
/// <c>spec.placement</c> as written. <see cref="Clusters"/> is null when the list is absent or null (rule 3),
/// empty when written as <c>[]</c> (rule 2); <see cref="Selector"/> is null when absent or null.
/// </summary>
public sealed record PlacementSpec(IReadOnlyList<ClusterReference>? Clusters, LabelSelector? Selector)
{
    /// <summary>True when a ReplicaSchedulingPreference wrote <see cref="Clusters"/> (rule 38), not the user.</summary>
    public bool WrittenByScheduler { get; init; }

    public static PlacementSpec None { get; } = new(null, null);
}
