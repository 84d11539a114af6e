using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>
/// What a render puts in the output directory: <c>&lt;cluster&gt;/&lt;path&gt;</c> → bytes for each cluster
/// file, and <c>&lt;name&gt;</c> → bytes for each root file of the layout, every path confined as the manifest's are.
/// </summary>
public static class OutputTree
{
    /// <summary>How check and diff name the group of the root files (no cluster name holds parentheses).</summary>
    public const string RootGroup = "(root)";

    public static SortedDictionary<string, byte[]> From(IReadOnlyList<ClusterManifests> clusters, IReadOnlyList<OutputFile> rootFiles)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var file in cluster.Files) files[ClusterPath(cluster.Cluster, file)] = file.Utf8.ToArray();
        }

        foreach (var file in rootFiles) files[RootPath(file)] = file.Utf8.ToArray();
        return files;
    }

    /// <summary>The output path of a cluster's file; defence in depth: Core validates names, and the writer still refuses anything that could escape.</summary>
    public static string ClusterPath(string cluster, OutputFile file)
    {
        var path = cluster + "/" + file.RelativePath;
        if (ManifestFile.Confinement(path) is not null || ClusterOf(path) is null) throw new InvalidOperationException($"refusing to write outside the output directory: {path}");
        return path;
    }

    /// <summary>The output path of a root file: one of the layouts' root file names, nothing else.</summary>
    public static string RootPath(OutputFile file)
    {
        if (!OutputLayout.IsRootFileName(file.RelativePath)) throw new InvalidOperationException($"refusing to write a root file no layout declares: {file.RelativePath}");
        return file.RelativePath;
    }

    /// <summary>The cluster whose directory holds <paramref name="relative"/>, or null for a root file.</summary>
    public static string? ClusterOf(string relative)
    {
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? relative[..slash] : null;
    }

    /// <summary>The cluster of <paramref name="relative"/>, or <see cref="RootGroup"/> for a root file: how check and diff group what changed.</summary>
    public static string GroupOf(string relative) => ClusterOf(relative) ?? RootGroup;

    /// <summary>The path shown inside its group: the path within the cluster's directory, or the root file's name.</summary>
    public static string InGroup(string relative) => ClusterOf(relative) is { } cluster ? relative[(cluster.Length + 1)..] : relative;

    /// <summary>Whether a render or comparison limited to <paramref name="includes"/> covers this path: root files describe every render, so every selection covers them.</summary>
    public static bool Covers(Func<string, bool> includes, string relative) => ClusterOf(relative) is not { } cluster || includes(cluster);
}
