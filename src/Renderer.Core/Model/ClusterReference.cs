namespace Renderer.Core.Model;

/// <summary>One <c>spec.placement.clusters</c> entry and where it is written.</summary>
public sealed record ClusterReference(string Name, string Pointer);
