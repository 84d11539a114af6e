namespace Renderer.Core.Output;

/// <summary>
/// Everything one member cluster receives: its manifests and its kustomization.yaml, sorted by path, and the
/// same manifests (without the kustomization) in apply order, the order kustomization.yaml lists them in.
/// </summary>
public sealed record ClusterManifests(string Cluster, IReadOnlyList<OutputFile> Files)
{
    /// <summary>The cluster's objects in apply order (what <c>render --stdout</c> prints); empty when the producer gave none.</summary>
    public IReadOnlyList<OutputFile> ApplyOrder { get; init; } = [];

    /// <summary>How many objects the files hold (a layout may put several in one file, or add files that are not objects).</summary>
    public int Objects { get; init; }

    /// <summary>The paths (inside the cluster's directory) of the Secrets left out of the tree.</summary>
    public IReadOnlyList<string> OmittedSecrets { get; init; } = [];
}
