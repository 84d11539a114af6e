namespace Renderer.Core.Output;

/// <summary>Everything one member cluster receives: its manifests and its kustomization.yaml, sorted by path.</summary>
public sealed record ClusterManifests(string Cluster, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The paths (inside the cluster's directory) of the Secrets left out of the tree.</summary>
    public IReadOnlyList<string> OmittedSecrets { get; init; } = [];
}
