namespace Renderer.Core.Model;

/// <summary>One <c>spec.overrides</c> entry: the operations for one cluster, in order.</summary>
public sealed record ClusterOverride(string ClusterName, IReadOnlyList<OverrideOperation> Operations, string Pointer);
