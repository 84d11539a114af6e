namespace Renderer.Cli.FileSystem;

/// <summary>Operations on whole trees, built on <see cref="IFileSystem"/> so that no link is ever followed.</summary>
public static class FileTree
{
    /// <summary>One entry found by <see cref="Walk"/>: its path relative to the root (with '/') and what it is.</summary>
    public readonly record struct Found(string Relative, Entry Entry);

    /// <summary>
    /// Every entry below <paramref name="root"/>, depth first in ordinal order, each directory visited once (by
    /// device and inode). Links and special files are listed but never entered or opened. <paramref name="enter"/>
    /// decides which directories are searched.
    /// </summary>
    public static IEnumerable<Found> Walk(IFileSystem fs, string root, Func<string, bool>? enter = null)
    {
        var visited = new HashSet<(ulong, ulong)>();
        var rootEntry = fs.Stat(root);
        if (rootEntry.Kind != EntryKind.Directory) yield break;
        visited.Add((rootEntry.Device, rootEntry.Inode));
        var pending = new Stack<string>();
        pending.Push(string.Empty);
        while (pending.Count > 0)
        {
            var relative = pending.Pop();
            var full = relative.Length == 0 ? root : Path.Combine(root, relative);
            var names = fs.List(full).Order(StringComparer.Ordinal).ToList();
            var directories = new List<string>();
            foreach (var name in names)
            {
                var childRelative = relative.Length == 0 ? name : relative + "/" + name;
                var entry = fs.Stat(Path.Combine(full, name));
                yield return new Found(childRelative, entry);
                if (entry.Kind == EntryKind.Directory && (enter is null || enter(childRelative)) && visited.Add((entry.Device, entry.Inode))) directories.Add(childRelative);
            }

            for (var i = directories.Count - 1; i >= 0; i--) pending.Push(directories[i]);
        }
    }

    /// <summary>Creates a directory and its missing parents below <paramref name="root"/>, refusing any component that is not a directory.</summary>
    public static void CreateDirectories(IFileSystem fs, string root, string relative)
    {
        var current = root;
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, segment);
            fs.CreateDirectory(current);
        }
    }

    /// <summary>Removes a directory and everything in it; links are removed, never followed.</summary>
    public static void DeleteTree(IFileSystem fs, string path)
    {
        var entry = fs.Stat(path);
        if (!entry.Exists) return;
        if (entry.Kind != EntryKind.Directory)
        {
            fs.DeleteFile(path);
            return;
        }

        foreach (var name in fs.List(path)) DeleteTree(fs, Path.Combine(path, name));
        fs.DeleteDirectory(path);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or inside it (full paths).</summary>
    public static bool IsUnder(string path, string directory)
    {
        if (path == directory) return true;
        var prefix = directory.EndsWith('/') ? directory : directory + "/";
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
