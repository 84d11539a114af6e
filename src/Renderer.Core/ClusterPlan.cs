using Renderer.Core.Output;

namespace Renderer.Core;

/// <summary>One cluster's objects, in apply order.</summary>
public sealed record ClusterPlan(string Cluster, IReadOnlyList<RenderedObject> Objects)
{
    /// <summary>The paths (inside the cluster's directory) of the Secrets left out by <see cref="Secrets.PlainSecrets.Omit"/>.</summary>
    public IReadOnlyList<string> OmittedSecrets { get; init; } = [];
}
