using Renderer.Cli.FileSystem;

namespace Renderer.Tests.Support;

/// <summary>A file system in a dictionary, for running the CLI in-process. Paths are absolute, with '/'.</summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly object gate = new();

    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly SortedSet<string> directories = new(StringComparer.Ordinal) { "/" };

    public bool SupportsExchange { get; init; } = true;

    /// <summary>When set, writes of files whose path contains this text fail as a full disk would.</summary>
    public string? FailWritesContaining { get; set; }

    public IReadOnlyDictionary<string, byte[]> Files => files;

    public void Add(string path, string content)
    {
        CreateDirectory(Path.GetDirectoryName(path) ?? "/");
        files[path] = System.Text.Encoding.UTF8.GetBytes(content);
    }

    public string Text(string path) => System.Text.Encoding.UTF8.GetString(files[path]);

    public bool FileExists(string path)
    {
        lock (gate) return files.ContainsKey(path);
    }

    public bool DirectoryExists(string path)
    {
        lock (gate) return directories.Contains(path);
    }

    public bool IsSymbolicLink(string path) => false;

    public byte[] ReadAllBytes(string path)
    {
        lock (gate) return files.TryGetValue(path, out var content) ? content : throw new FileNotFoundException(path);
    }

    public long FileLength(string path) => ReadAllBytes(path).LongLength;

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        lock (gate) return files.Keys.Where(f => f.StartsWith(directory.TrimEnd('/') + "/", StringComparison.Ordinal)).ToList();
    }

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        lock (gate) return directories.Where(d => d != directory && Path.GetDirectoryName(d) == directory).ToList();
    }

    public void CreateDirectory(string path)
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

    public void WriteAllBytes(string path, byte[] content)
    {
        lock (gate) Write(path, content);
    }

    public void ReplaceFile(string path, byte[] content) => WriteAllBytes(path, content);

    private void Write(string path, byte[] content)
    {
        if (FailWritesContaining is { } marker && path.Contains(marker, StringComparison.Ordinal)) throw new IOException("No space left on device");
        if (!directories.Contains(Path.GetDirectoryName(path) ?? "/")) throw new DirectoryNotFoundException(path);
        files[path] = content;
    }

    public void DeleteDirectory(string path)
    {
        lock (gate) Delete(path);
    }

    private void Delete(string path)
    {
        var prefix = path + "/";
        foreach (var file in files.Keys.Where(f => f.StartsWith(prefix, StringComparison.Ordinal)).ToList()) files.Remove(file);
        directories.RemoveWhere(d => d == path || d.StartsWith(prefix, StringComparison.Ordinal));
    }

    public void MoveDirectory(string from, string to)
    {
        lock (gate) Move(from, to);
    }

    private void Move(string from, string to)
    {
        if (!directories.Contains(from)) throw new DirectoryNotFoundException(from);
        if (directories.Contains(to) || files.ContainsKey(to)) throw new IOException($"{to} exists");
        Rename(from, to);
    }

    public bool TryExchangeDirectories(string first, string second)
    {
        if (!SupportsExchange) return false;
        const string swap = "/.exchange-in-progress";
        lock (gate)
        {
            Rename(first, swap);
            Rename(second, first);
            Rename(swap, second);
        }

        return true;
    }

    private void Rename(string from, string to)
    {
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
