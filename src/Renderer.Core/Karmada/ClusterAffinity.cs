using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// A Karmada ClusterAffinity (placement, a static weight's target, an override rule's target cluster). Every
/// part that is set must hold for a cluster to match; an empty <see cref="ClusterNames"/> does not restrict.
/// <see cref="Pointer"/> is where it is written.
/// </summary>
public sealed record ClusterAffinity(
    IReadOnlyList<ClusterReference> ClusterNames,
    IReadOnlyList<ClusterReference> Exclude,
    LabelSelector? LabelSelector,
    IReadOnlyList<FieldRequirement> FieldSelector,
    string Pointer)
{
    public static ClusterAffinity Any(string pointer) => new([], [], null, [], pointer);
}
