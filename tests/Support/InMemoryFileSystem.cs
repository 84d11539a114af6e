using Renderer.Cli.FileSystem;

namespace Renderer.Tests.Support;

/// <summary>
/// A file system in dictionaries, for running the CLI in-process. Paths are absolute, with '/'. It keeps the
/// real one's rules: entries are files, directories, links or special files; reads refuse anything but a
/// file; new files never replace anything; a lock is held by one owner at a time.
/// </summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly object gate = new();
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> directories = new(StringComparer.Ordinal) { "/" };
    private readonly Dictionary<string, EntryKind> others = new(StringComparer.Ordinal);
    private readonly HashSet<string> locks = new(StringComparer.Ordinal);
    private readonly HashSet<string> denied = new(StringComparer.Ordinal);
    private ulong nextInode = 1;
    private readonly Dictionary<string, ulong> inodes = new(StringComparer.Ordinal);

    /// <summary>When set, writes of files whose path contains this text fail as a full disk would.</summary>
    public string? FailWritesContaining { get; set; }

    public IReadOnlyDictionary<string, byte[]> Files
    {
        get
        {
            lock (gate) return new SortedDictionary<string, byte[]>(files, StringComparer.Ordinal);
        }
    }

    public void Add(string path, string content)
    {
        lock (gate)
        {
            Create(Path.GetDirectoryName(path) ?? "/");
            files[path] = System.Text.Encoding.UTF8.GetBytes(content);
            inodes[path] = nextInode++;
        }
    }

    /// <summary>Adds a symbolic link (its target is never looked at: nothing here follows links).</summary>
    public void AddLink(string path)
    {
        lock (gate)
        {
            Create(Path.GetDirectoryName(path) ?? "/");
            others[path] = EntryKind.SymbolicLink;
        }
    }

    /// <summary>Adds a named FIFO, socket or device.</summary>
    public void AddSpecial(string path)
    {
        lock (gate)
        {
            Create(Path.GetDirectoryName(path) ?? "/");
            others[path] = EntryKind.Special;
        }
    }

    /// <summary>Makes a directory unreadable, as a folder without read permission is.</summary>
    public void Deny(string directory)
    {
        lock (gate) denied.Add(directory);
    }

    public bool FileExists(string path) => Stat(path).Kind == EntryKind.File;

    public string Text(string path)
    {
        lock (gate) return System.Text.Encoding.UTF8.GetString(files[path]);
    }

    public Entry Stat(string path)
    {
        lock (gate)
        {
            if (files.TryGetValue(path, out var content)) return new Entry(EntryKind.File, content.LongLength, 1, inodes.GetValueOrDefault(path));
            if (directories.Contains(path)) return new Entry(EntryKind.Directory, 0, 1, (ulong)StringComparer.Ordinal.GetHashCode(path));
            return others.TryGetValue(path, out var kind) ? new Entry(kind, 0, 1, 0) : Entry.Missing;
        }
    }

    public IReadOnlyList<string> List(string directory)
    {
        lock (gate)
        {
            if (!directories.Contains(directory)) throw new DirectoryNotFoundException(directory);
            if (denied.Contains(directory)) throw new UnauthorizedAccessException($"Access to the path '{directory}' is denied.");
            var prefix = directory == "/" ? "/" : directory + "/";
            return files.Keys.Concat(directories).Concat(others.Keys)
                .Where(p => p != directory && p.StartsWith(prefix, StringComparison.Ordinal) && p.IndexOf('/', prefix.Length) < 0)
                .Select(p => p[prefix.Length..])
                .ToList();
        }
    }

    public byte[] Read(string path, long limit)
    {
        lock (gate)
        {
            if (!files.TryGetValue(path, out var content))
            {
                var entry = Stat(path);
                if (entry.Exists) throw new UnsafeEntryException(path, entry);
                throw new FileNotFoundException(path);
            }

            if (content.LongLength > limit) throw new FileTooLargeException(path, limit);
            return content;
        }
    }

    public void CreateDirectory(string path)
    {
        lock (gate)
        {
            var entry = Stat(path);
            if (entry.Kind == EntryKind.Directory) return;
            if (entry.Exists) throw new UnsafeEntryException(path, entry);
            if (!directories.Contains(Path.GetDirectoryName(path) ?? "/")) throw new DirectoryNotFoundException(path);
            directories.Add(path);
        }
    }

    /// <summary>Creates a directory and its parents (a test's set-up).</summary>
    public void AddDirectory(string path)
    {
        lock (gate) Create(path);
    }

    private void Create(string path)
    {
        for (var current = path; !string.IsNullOrEmpty(current) && current != "/"; current = Path.GetDirectoryName(current) ?? "/")
        {
            if (files.ContainsKey(current)) throw new IOException($"{current} is a file");
            directories.Add(current);
        }
    }

    public void WriteNew(string path, ReadOnlyMemory<byte> content)
    {
        lock (gate)
        {
            if (FailWritesContaining is { } marker && path.Contains(marker, StringComparison.Ordinal)) throw new IOException("No space left on device");
            if (!directories.Contains(Path.GetDirectoryName(path) ?? "/")) throw new DirectoryNotFoundException(path);
            if (Stat(path).Exists) throw new IOException($"{path} exists");
            files[path] = content.ToArray();
            inodes[path] = nextInode++;
        }
    }

    public void Rename(string from, string to)
    {
        lock (gate)
        {
            if (files.Remove(from, out var content))
            {
                if (directories.Contains(to)) throw new IOException($"{to} is a directory");
                others.Remove(to);
                files[to] = content;
                inodes[to] = inodes.GetValueOrDefault(from);
                inodes.Remove(from);
                return;
            }

            if (!directories.Contains(from)) throw new FileNotFoundException(from);
            if (Stat(to).Exists) throw new IOException($"{to} exists");
            var prefix = from + "/";
            foreach (var file in files.Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                files[to + file[from.Length..]] = files[file];
                files.Remove(file);
            }

            foreach (var directory in directories.Where(d => d == from || d.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                directories.Remove(directory);
                directories.Add(to + directory[from.Length..]);
            }
        }
    }

    public void DeleteFile(string path)
    {
        lock (gate)
        {
            if (!files.Remove(path)) others.Remove(path);
            inodes.Remove(path);
        }
    }

    public void DeleteDirectory(string path)
    {
        lock (gate)
        {
            if (List(path).Count > 0) throw new IOException($"{path} is not empty");
            directories.Remove(path);
        }
    }

    public IDisposable? TryLock(string directory)
    {
        lock (gate)
        {
            if (!locks.Add(directory)) return null;
            return new Held(this, directory);
        }
    }

    private sealed class Held(InMemoryFileSystem fs, string directory) : IDisposable
    {
        public void Dispose()
        {
            lock (fs.gate) fs.locks.Remove(directory);
        }
    }
}
