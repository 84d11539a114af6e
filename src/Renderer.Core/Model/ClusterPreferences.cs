namespace Renderer.Core.Model;

/// <summary>One entry of a ReplicaSchedulingPreference's <c>spec.clusters</c>; MaxReplicas null means unbounded.</summary>
public sealed record ClusterPreferences(long Weight, long MinReplicas, long? MaxReplicas);
