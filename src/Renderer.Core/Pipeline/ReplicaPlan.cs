namespace Renderer.Core.Pipeline;

/// <summary>The planner's result: replicas per candidate cluster, and replicas that exceeded a cluster's capacity.</summary>
public sealed record ReplicaPlan(IReadOnlyDictionary<string, long> Replicas, IReadOnlyDictionary<string, long> Overflow);
