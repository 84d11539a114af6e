using Renderer.Core.Output;

namespace Renderer.Core;

/// <summary>One cluster's objects, in apply order.</summary>
public sealed record ClusterPlan(string Cluster, IReadOnlyList<RenderedObject> Objects);
