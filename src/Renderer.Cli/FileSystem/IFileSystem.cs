namespace Renderer.Cli.FileSystem;

/// <summary>
/// The file operations the CLI needs, so that tests run whole commands in memory. Paths are full paths.
/// Nothing here follows a symbolic link at the last component: <see cref="Stat"/> is lstat, reads open with
/// no-follow and refuse anything that is not a regular file, and writes create new files only.
/// </summary>
public interface IFileSystem
{
    /// <summary>What the path itself is (lstat).</summary>
    Entry Stat(string path);

    /// <summary>The names in a directory, in no particular order.</summary>
    IReadOnlyList<string> List(string directory);

    /// <summary>
    /// Reads a regular file without following a link and without blocking on a FIFO; throws
    /// <see cref="UnsafeEntryException"/> for anything else, and <see cref="FileTooLargeException"/> once more
    /// than <paramref name="limit"/> bytes have been read.
    /// </summary>
    byte[] Read(string path, long limit);

    /// <summary>Creates one directory whose parent exists; nothing when it already is a directory.</summary>
    void CreateDirectory(string path);

    /// <summary>Creates a new file with this content; fails when anything, a link included, is already there.</summary>
    void WriteNew(string path, ReadOnlyMemory<byte> content);

    /// <summary>Renames a file or directory, atomically replacing a file at <paramref name="to"/>.</summary>
    void Rename(string from, string to);

    /// <summary>Removes a file or a link (never what it points at).</summary>
    void DeleteFile(string path);

    /// <summary>Removes an empty directory.</summary>
    void DeleteDirectory(string path);

    /// <summary>An exclusive lock on a directory, held until disposed; null while another process holds it.</summary>
    IDisposable? TryLock(string directory);
}
