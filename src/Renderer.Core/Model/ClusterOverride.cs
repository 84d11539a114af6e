namespace Renderer.Core.Model;

/// <summary>
/// One <c>spec.overrides</c> entry: the operations for one cluster, in order. An entry written with a
/// <c>clusterSelector</c> (a fedrender extension) is bound once per registered cluster it selects, each copy
/// carrying the <see cref="Selector"/>.
/// </summary>
public sealed record ClusterOverride(string ClusterName, IReadOnlyList<OverrideOperation> Operations, string Pointer)
{
    public LabelSelector? Selector { get; init; }
}
