using System.Text;
using Renderer.Core.Diagnostics;
using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>
/// A new output tree being written beside the output directory, one cluster at a time and from several
/// threads. It records what was written, which files fedrender did not write it would overwrite, and whether
/// anything differs from the current output; <see cref="Commit"/> swaps it in, <see cref="Abort"/> drops it.
/// </summary>
public sealed class StagedOutput(OutputDirectory directory, string root, IReadOnlySet<string> owned, IReadOnlySet<string> foreign, IReadOnlySet<string> keepOwned)
{
    private readonly object gate = new();
    private readonly HashSet<string> written = new(StringComparer.Ordinal);
    private readonly SortedSet<string> collisions = new(StringComparer.Ordinal);
    private bool changed;

    public int Objects { get; private set; }

    public int Clusters { get; private set; }

    /// <summary>Files fedrender did not write that this render would overwrite.</summary>
    public IReadOnlyCollection<string> Collisions => collisions;

    public string Root => root;

    /// <summary>Writes one cluster's files into the new tree. Safe to call from several threads.</summary>
    public void Write(ClusterManifests cluster)
    {
        var paths = new List<string>(cluster.Files.Count);
        var same = true;
        foreach (var file in cluster.Files)
        {
            var relative = cluster.Cluster + "/" + file.RelativePath;
            if (!OutputTree.IsSafeRelative(relative)) throw new InvalidOperationException($"refusing to write outside the output directory: {relative}");
            var content = Encoding.UTF8.GetBytes(file.Content);
            directory.WriteStaged(relative, content);
            same &= owned.Contains(relative) && directory.SameAsOwned(relative, content);
            paths.Add(relative);
        }

        lock (gate)
        {
            written.UnionWith(paths);
            collisions.UnionWith(paths.Where(foreign.Contains));
            changed |= !same;
            Objects += cluster.Files.Count(f => f.RelativePath != ManifestLayout.KustomizationFile);
            Clusters++;
        }
    }

    /// <summary>True when the new tree is byte for byte the current output: nothing needs replacing.</summary>
    public bool UpToDate
    {
        get
        {
            lock (gate) return !changed && written.Count + keepOwned.Count == owned.Count && written.All(owned.Contains) && directory.ManifestIs(written.Concat(keepOwned).ToList());
        }
    }

    /// <summary>Swaps the new tree in, keeping <paramref name="keep"/> (files fedrender did not write) and the owned files of clusters this render did not select.</summary>
    public Diagnostic? Commit(IReadOnlyList<string> keep) => directory.Commit(written, [.. keep, .. keepOwned], keepOwned);

    public void Abort() => directory.Abort();
}
