namespace Renderer.Core.Pipeline;

/// <summary>
/// How <c>fedrender federate</c> places what it produces: on the named clusters, or (when null) on every
/// cluster via an empty selector; and whether to emit a FederatedNamespace for each namespace used.
/// </summary>
public sealed record FederateOptions(IReadOnlyList<string>? PlacementClusters, bool NamespaceToo);
