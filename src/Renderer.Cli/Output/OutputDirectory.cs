using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// The output directory and the rules for reading and changing it. Only files its manifest lists are read,
/// replaced or removed, and only when they are regular files; every other entry is left exactly as it is.
/// One process changes it at a time (a lock on the directory), and changes go through an
/// <see cref="OutputTransaction"/>, so a killed run leaves the previous render or, after the next run, the new one.
/// </summary>
public sealed class OutputDirectory(IFileSystem fs, string path, string display)
{
    /// <summary>How long a run waits for another fedrender writing the same directory.</summary>
    public static TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(10);

    public string Display => display;

    public string FullPath => path;

    public IFileSystem FileSystem => fs;

    public bool Exists => fs.Stat(path).Kind == EntryKind.Directory;

    /// <summary>A problem with the path itself (a file, a link, a FIFO), or null.</summary>
    public Diagnostic? CheckPath()
    {
        var entry = fs.Stat(path);
        return entry.Kind is EntryKind.Missing or EntryKind.Directory ? null : CliDiagnostics.OutputNotADirectory(display, entry.Describe());
    }

    /// <summary>
    /// Takes the directory's lock, creating the directory first when <paramref name="create"/> says so, and
    /// finishes what a killed run left. Null with the problem when another process holds the lock past
    /// <see cref="LockWait"/> or the leftover is not fedrender's.
    /// </summary>
    public (IDisposable? Lock, Diagnostic? Problem) Open(bool create)
    {
        if (create && !Exists)
        {
            FileTree.CreateDirectories(fs, "/", path);
        }

        if (!Exists) return (NoLock.Instance, null);
        var deadline = DateTime.UtcNow + LockWait;
        IDisposable? held;
        while ((held = fs.TryLock(path)) is null)
        {
            if (DateTime.UtcNow >= deadline) return (null, CliDiagnostics.OutputLocked(display, LockWait));
            Thread.Sleep(50);
        }

        if (OutputTransaction.Recover(fs, path) is { } problem)
        {
            held.Dispose();
            return (null, CliDiagnostics.NotOurBookkeeping(display, problem));
        }

        return (held, null);
    }

    /// <summary>The files fedrender owns, every other entry, and owned paths that are not regular files; or why the manifest is not fedrender's.</summary>
    public (OutputInventory? Inventory, Diagnostic? Problem) Inventory()
    {
        if (!Exists) return (OutputInventory.Empty, null);
        var manifestPath = Path.Combine(path, ManifestFile.Name);
        var manifestEntry = fs.Stat(manifestPath);
        IReadOnlyDictionary<string, string?> owned = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (manifestEntry.Kind == EntryKind.File)
        {
            var (contents, line, problem) = ManifestFile.Parse(fs.Read(manifestPath, 64L << 20));
            if (contents is null) return (null, CliDiagnostics.ManifestNotOurs(display, line, problem));
            owned = contents.Files;
        }
        else if (manifestEntry.Exists)
        {
            return (null, CliDiagnostics.ManifestNotOurs(display, 0, $"it is {manifestEntry.Describe()}"));
        }

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var found in FileTree.Walk(fs, path, relative => relative != OutputTransaction.Folder))
        {
            if (found.Relative is ManifestFile.Name or OutputTransaction.Folder) continue;
            entries[found.Relative] = found.Entry;
        }

        var unsafeOwned = new List<(string, Entry)>();
        foreach (var relative in owned.Keys.Order(StringComparer.Ordinal))
        {
            if (entries.TryGetValue(relative, out var entry))
            {
                if (entry.Kind != EntryKind.File) unsafeOwned.Add((relative, entry));
                continue;
            }

            // Not found by the walk: missing, or behind a parent that is a link or a special file.
            if (BlockingParent(relative, entries) is { } parent) unsafeOwned.Add((parent.Path, parent.Entry));
        }

        var ownedFolders = OwnedFolders(owned.Keys);
        var foreign = entries.Where(e => !owned.ContainsKey(e.Key) && !(e.Value.Kind == EntryKind.Directory && ownedFolders.Contains(e.Key)))
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        return (new OutputInventory(manifestEntry.Exists, owned, foreign, unsafeOwned.Distinct().ToList()), null);
    }

    /// <summary>The current bytes of an owned file, or null when it is gone; never follows a link.</summary>
    public byte[]? ReadOwned(string relative, long limit = 1L << 30)
    {
        var full = Path.Combine(path, relative);
        return fs.Stat(full).Kind == EntryKind.File ? fs.Read(full, limit) : null;
    }

    public OutputTransaction Begin() => OutputTransaction.Begin(fs, path);

    /// <summary>An I/O failure, also when parallel writes report it wrapped.</summary>
    public static bool IsIo(Exception e) =>
        e is IOException or UnauthorizedAccessException
        || e is AggregateException aggregate && aggregate.Flatten().InnerExceptions.All(IsIo);

    /// <summary>The reason an I/O failure gives, with full paths shown as the user gave the output.</summary>
    public string Reason(Exception e)
    {
        var first = e is AggregateException aggregate ? aggregate.Flatten().InnerExceptions[0] : e;
        return first.Message.TrimEnd('.').Replace(path, display, StringComparison.Ordinal);
    }

    private static (string Path, Entry Entry)? BlockingParent(string relative, Dictionary<string, Entry> entries)
    {
        for (var slash = relative.IndexOf('/'); slash > 0; slash = relative.IndexOf('/', slash + 1))
        {
            if (entries.TryGetValue(relative[..slash], out var entry) && entry.Kind != EntryKind.Directory) return (relative[..slash], entry);
        }

        return null;
    }

    /// <summary>Every folder that holds an owned file, at any depth.</summary>
    private static HashSet<string> OwnedFolders(IEnumerable<string> owned)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in owned)
        {
            for (var slash = relative.LastIndexOf('/'); slash > 0 && folders.Add(relative[..slash]); slash = relative.LastIndexOf('/', slash - 1))
            {
            }
        }

        return folders;
    }

    private sealed class NoLock : IDisposable
    {
        public static NoLock Instance { get; } = new();

        public void Dispose()
        {
        }
    }
}
