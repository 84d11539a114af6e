namespace Renderer.Core.Output;

/// <summary>Everything one member cluster receives: the files of its directory in the chosen layout, sorted by path.</summary>
public sealed record ClusterManifests(string Cluster, IReadOnlyList<OutputFile> Files)
{
    /// <summary>How many objects the files hold (a layout may put several in one file, or add files that are not objects).</summary>
    public int Objects { get; init; }

    /// <summary>The paths (inside the cluster's directory) of the Secrets left out of the tree.</summary>
    public IReadOnlyList<string> OmittedSecrets { get; init; } = [];
}
