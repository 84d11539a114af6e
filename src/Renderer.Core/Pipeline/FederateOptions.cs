namespace Renderer.Core.Pipeline;

/// <summary>
/// How <c>fedrender federate</c> places what it produces: on the named clusters, or (when null) on every
/// cluster via an empty selector; whether to emit a FederatedNamespace for each namespace used; and the
/// namespace namespaced manifests without one are given (<c>kubectl -n</c>), or null.
/// </summary>
public sealed record FederateOptions(IReadOnlyList<string>? PlacementClusters, bool NamespaceToo, string? Namespace = null);
