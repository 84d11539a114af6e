using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Placement worked out once per resource: <see cref="Own"/> is what its own placement selects (rules 1-9),
/// <see cref="Final"/> that intersected with its namespace's (rules 10-16). Render, explain and preview read it.
/// </summary>
public sealed record PlacementResult(
    IReadOnlyDictionary<FederatedResource, ClusterSelection> Own,
    IReadOnlyDictionary<FederatedResource, ClusterSelection> Final);
