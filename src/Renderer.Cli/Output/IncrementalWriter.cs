using System.Collections.Concurrent;
using Renderer.Cli.FileSystem;
using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>
/// Compares each rendered file with what the output directory holds and stages only those that differ: a
/// file whose hash differs from the manifest's is changed without reading it; one whose hash matches is read
/// once to catch hand edits. Safe to call from several threads (clusters are rendered in parallel). The
/// layout's root files go the same way (<see cref="WriteRoot"/>).
/// </summary>
public sealed class IncrementalWriter(OutputDirectory target, OutputInventory inventory, OutputTransaction transaction)
{
    private readonly ConcurrentDictionary<string, string> written = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> collisions = [];
    private int objects;
    private int clusters;

    /// <summary>Every file this render produced: path → SHA-256.</summary>
    public IReadOnlyDictionary<string, string> Written => written;

    /// <summary>Files fedrender did not write that this render would overwrite.</summary>
    public IReadOnlyList<string> Collisions => collisions.Order(StringComparer.Ordinal).ToList();

    /// <summary>How many objects the written clusters hold, as Core counted them (one manifest.yaml may hold many).</summary>
    public int Objects => objects;

    public int Clusters => clusters;

    public void Write(ClusterManifests cluster)
    {
        foreach (var file in cluster.Files) Write(OutputTree.ClusterPath(cluster.Cluster, file), file);
        Interlocked.Add(ref objects, cluster.Objects);
        Interlocked.Increment(ref clusters);
    }

    /// <summary>
    /// Writes the layout's root files (<see cref="Renderer.Core.RenderResult.RootFiles"/>) through the same
    /// journal and manifest as the cluster files: unchanged ones are left alone, and each name must be one of
    /// <see cref="OutputLayout.RootFileNames"/>.
    /// </summary>
    public void WriteRoot(IReadOnlyList<OutputFile> rootFiles)
    {
        foreach (var file in rootFiles) Write(OutputTree.RootPath(file), file);
    }

    private void Write(string relative, OutputFile file)
    {
        var content = file.Utf8;
        var hash = file.ContentHash;
        written[relative] = hash;
        if (inventory.Foreign.TryGetValue(relative, out var foreign))
        {
            collisions.Add(relative);
            if (foreign.Kind == EntryKind.File) transaction.Stage(relative, content);
            return;
        }

        if (!Unchanged(relative, hash, content)) transaction.Stage(relative, content);
    }

    private bool Unchanged(string relative, string hash, ReadOnlyMemory<byte> content)
    {
        if (!inventory.Owned.TryGetValue(relative, out var recorded) || recorded is not null && recorded != hash) return false;
        try
        {
            return target.ReadOwned(relative, content.Length) is { } existing && existing.AsSpan().SequenceEqual(content.Span);
        }
        catch (FileTooLargeException)
        {
            return false;
        }
    }

    /// <summary>The SHA-256 of an owned file that this render leaves as it is (another cluster's), or null when it is gone.</summary>
    public static string? HashOf(OutputDirectory target, string relative, string? recorded)
    {
        if (recorded is not null) return target.FileSystem.Stat(Path.Combine(target.FullPath, relative)).Kind == EntryKind.File ? recorded : null;
        return target.ReadOwned(relative) is { } content ? OutputFile.HashOf(content) : null;
    }
}
