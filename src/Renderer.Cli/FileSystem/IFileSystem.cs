namespace Renderer.Cli.FileSystem;

/// <summary>
/// The file operations the CLI needs, so that tests run the whole command in memory. Paths are full paths.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>True when <paramref name="path"/> itself is a symbolic link (to a file or a directory).</summary>
    bool IsSymbolicLink(string path);

    byte[] ReadAllBytes(string path);

    long FileLength(string path);

    /// <summary>Every file below <paramref name="directory"/>, recursively, as full paths.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>The direct subdirectories of <paramref name="directory"/>, as full paths.</summary>
    IEnumerable<string> EnumerateDirectories(string directory);

    void CreateDirectory(string path);

    void WriteAllBytes(string path, byte[] content);

    /// <summary>Writes a whole file so that a reader (or a kill) sees the old content or the new, never a part.</summary>
    void ReplaceFile(string path, byte[] content);

    void DeleteDirectory(string path);

    void MoveDirectory(string from, string to);

    /// <summary>Atomically swaps two existing directories; false where the platform cannot.</summary>
    bool TryExchangeDirectories(string first, string second);
}
