namespace Renderer.Core.Karmada;

/// <summary>
/// The clusters a template goes to and, when its replicas are divided, each cluster's share (written into
/// <c>spec.replicas</c>, or a Job's <c>spec.parallelism</c>) and a Job's share of <c>spec.completions</c>.
/// </summary>
public sealed record ReplicaAssignment(IReadOnlyList<string> Clusters, IReadOnlyDictionary<string, long>? Replicas, IReadOnlyDictionary<string, long>? Completions)
{
    public static ReplicaAssignment Nothing { get; } = new([], null, null);
}
