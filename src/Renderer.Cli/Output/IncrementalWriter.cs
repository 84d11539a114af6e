using System.Collections.Concurrent;
using Renderer.Cli.FileSystem;
using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>
/// Compares each rendered file with what the output directory holds and stages only those that differ: a
/// file whose hash differs from the manifest's is changed without reading it; one whose hash matches is read
/// once to catch hand edits. Safe to call from several threads (clusters are rendered in parallel).
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

    public int Objects => objects;

    public int Clusters => clusters;

    public void Write(ClusterManifests cluster)
    {
        foreach (var file in cluster.Files)
        {
            var relative = cluster.Cluster + "/" + file.RelativePath;
            if (ManifestFile.Confinement(relative) is not null) throw new InvalidOperationException($"refusing to write outside the output directory: {relative}");
            var content = file.Utf8.ToArray();
            var hash = file.ContentHash;
            written[relative] = hash;
            if (inventory.Foreign.TryGetValue(relative, out var foreign))
            {
                collisions.Add(relative);
                if (foreign.Kind == EntryKind.File) transaction.Stage(relative, content);
                continue;
            }

            if (!Unchanged(relative, hash, content)) transaction.Stage(relative, content);
        }

        Interlocked.Add(ref objects, cluster.Files.Count(f => f.RelativePath != ManifestLayout.KustomizationFile));
        Interlocked.Increment(ref clusters);
    }

    private bool Unchanged(string relative, string hash, byte[] content)
    {
        if (!inventory.Owned.TryGetValue(relative, out var recorded) || recorded is not null && recorded != hash) return false;
        try
        {
            return target.ReadOwned(relative, content.Length) is { } existing && existing.AsSpan().SequenceEqual(content);
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
