using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Cli;

/// <summary>
/// Turns the INPUT arguments into source files: files as named, directories searched recursively for
/// *.yaml, *.yml and *.json (hidden folders and the output directory skipped), <c>-</c> for standard input.
/// Display paths are as the user gave them (relative to the current directory, or absolute), with forward slashes, so diagnostics and output
/// never carry machine paths.
/// </summary>
public sealed class InputCollector(CliContext context, LoadLimits limits)
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    public (IReadOnlyList<SourceFile> Files, IReadOnlyList<Diagnostic> Diagnostics, bool IoFailed) Collect(IReadOnlyList<string> inputs, string? excludeDirectory)
    {
        var files = new List<SourceFile>();
        var diagnostics = new List<Diagnostic>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ioFailed = false;
        var fs = context.FileSystem;
        foreach (var input in inputs.Count == 0 ? ["."] : inputs)
        {
            if (input == "-")
            {
                if (!seen.Add("-")) continue;
                using var stdin = context.OpenStandardInput();
                using var buffer = new MemoryStream();
                stdin.CopyTo(buffer);
                files.Add(new SourceFile("<stdin>", buffer.ToArray()));
                continue;
            }

            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input, context.CurrentDirectory));
            var absolute = Path.IsPathRooted(input);
            string Display(string path) => PathDisplay.Of(absolute ? path : input, path, context.CurrentDirectory);
            if (fs.FileExists(full))
            {
                if (seen.Add(full)) ioFailed |= !TryRead(full, Display(full), files, diagnostics);
                continue;
            }

            if (!fs.DirectoryExists(full))
            {
                diagnostics.Add(CliDiagnostics.InputNotFound(Display(full)));
                ioFailed = true;
                continue;
            }

            var found = fs.EnumerateFiles(full)
                .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !IsHidden(Path.GetRelativePath(full, f)))
                .Where(f => excludeDirectory is null || !IsUnder(f, excludeDirectory))
                .Select(f => (Full: f, Display: Display(f)))
                .OrderBy(f => f.Display, StringComparer.Ordinal)
                .ToList();
            if (found.Count == 0) diagnostics.Add(CliDiagnostics.NoInputs(Display(full)));
            foreach (var file in found)
            {
                if (seen.Add(file.Full)) ioFailed |= !TryRead(file.Full, file.Display, files, diagnostics);
            }
        }

        return (files, diagnostics, ioFailed);
    }

    private bool TryRead(string full, string display, List<SourceFile> files, List<Diagnostic> diagnostics)
    {
        try
        {
            var length = context.FileSystem.FileLength(full);
            if (length > limits.MaxFileBytes)
            {
                diagnostics.Add(InputDiagnostics.FileTooLarge(SourceLocation.OfFile(display), length, limits.MaxFileBytes));
                return true;
            }

            files.Add(new SourceFile(display, context.FileSystem.ReadAllBytes(full)));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(CliDiagnostics.InputUnreadable(display, e.Message.TrimEnd('.')));
            return false;
        }
    }

    private static bool IsHidden(string relative) =>
        relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(s => s.Length > 1 && s[0] == '.' && s != "..");

    public static bool IsUnder(string path, string directory)
    {
        var prefix = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal) || path == directory;
    }
}
