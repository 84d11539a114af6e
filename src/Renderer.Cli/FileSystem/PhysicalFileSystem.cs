using System.Runtime.InteropServices;

namespace Renderer.Cli.FileSystem;

/// <summary>The real file system; directory exchange uses Linux's renameat2(RENAME_EXCHANGE).</summary>
public sealed partial class PhysicalFileSystem : IFileSystem
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public bool IsSymbolicLink(string path)
    {
        var info = new FileInfo(path);
        return info.Exists || Directory.Exists(path) ? info.LinkTarget is not null : false;
    }

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public long FileLength(string path) => new FileInfo(path).Length;

    public IEnumerable<string> EnumerateFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false });

    public IEnumerable<string> EnumerateDirectories(string directory) => Directory.EnumerateDirectories(directory);

    public void CreateDirectory(string path) => Directory.CreateDirectory(path);

    public void WriteAllBytes(string path, byte[] content) => File.WriteAllBytes(path, content);

    public void ReplaceFile(string path, byte[] content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path) ?? ".", "." + Path.GetFileName(path) + ".fedrender-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public void DeleteDirectory(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
    }

    public void MoveDirectory(string from, string to) => Directory.Move(from, to);

    public bool TryExchangeDirectories(string first, string second)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtCurrentDirectory, first, AtCurrentDirectory, second, RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
}
