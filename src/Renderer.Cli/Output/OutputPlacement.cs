using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// Where output may go. An output directory may not be <c>/</c> or a system directory, nor be or contain the
/// working directory or an input; an output file may not be an input, nor anything but a regular file.
/// </summary>
public static class OutputPlacement
{
    /// <summary>Directories that are never output, nor is anything below them.</summary>
    private static readonly string[] SystemTrees = ["/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys", "/usr"];

    /// <summary>Directories that hold everyone's files: never output themselves, though a folder below them may be.</summary>
    private static readonly string[] SharedDirectories = ["/home", "/media", "/mnt", "/opt", "/root", "/run", "/srv", "/tmp", "/var"];

    /// <summary>Why <paramref name="full"/> may not be an output directory, or null.</summary>
    public static Diagnostic? CheckDirectory(string full, string display, string currentDirectory, IEnumerable<(string Full, string Display)> inputs)
    {
        if (full == "/") return CliDiagnostics.OutputRefused(display, "the root directory");
        if (SystemTrees.Any(s => FileTree.IsUnder(full, s)) || SharedDirectories.Contains(full, StringComparer.Ordinal))
        {
            return CliDiagnostics.OutputRefused(display, "a system directory");
        }

        if (FileTree.IsUnder(currentDirectory, full)) return CliDiagnostics.OutputRefused(display, full == currentDirectory ? "the working directory" : "a parent of the working directory");
        foreach (var (input, inputDisplay) in inputs)
        {
            if (FileTree.IsUnder(input, full)) return CliDiagnostics.OutputRefused(display, input == full ? $"the input {inputDisplay}" : $"a directory that holds the input {inputDisplay}");
        }

        return null;
    }

    /// <summary>Why <paramref name="full"/> may not be an output file, or null.</summary>
    public static Diagnostic? CheckFile(IFileSystem fs, string full, string display, IEnumerable<(string Full, string Display)> inputs)
    {
        foreach (var (input, inputDisplay) in inputs)
        {
            if (input == full) return CliDiagnostics.OutputFileRefused(display, $"the input {inputDisplay}");
        }

        var entry = fs.Stat(full);
        if (entry.Kind is EntryKind.Missing or EntryKind.File) return null;
        return CliDiagnostics.OutputFileRefused(display, entry.Describe());
    }
}
