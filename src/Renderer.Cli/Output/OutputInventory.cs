using Renderer.Cli.FileSystem;

namespace Renderer.Cli.Output;

/// <summary>
/// What an output directory holds: the files fedrender owns (from its manifest, with their recorded hashes),
/// every other entry (kept exactly as it is), and owned paths that are no longer regular files.
/// </summary>
public sealed record OutputInventory(
    bool HasManifest,
    IReadOnlyDictionary<string, string?> Owned,
    IReadOnlyDictionary<string, Entry> Foreign,
    IReadOnlyList<(string Path, Entry Entry)> Unsafe)
{
    public static OutputInventory Empty { get; } = new(false, new Dictionary<string, string?>(), new Dictionary<string, Entry>(), []);

    /// <summary>Foreign entries that are files, links or special files (empty folders do not make a directory someone else's).</summary>
    public int ForeignFiles => Foreign.Values.Count(e => e.Kind != EntryKind.Directory);
}
