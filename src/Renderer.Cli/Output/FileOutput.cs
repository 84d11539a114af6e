using System.Globalization;
using Renderer.Cli.FileSystem;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Output;

/// <summary>
/// One output file (federate, preview): <c>-</c> is standard output; a file is replaced whole (a new file
/// beside it, then a rename), so a reader or a kill sees the old content or the new, and a link or device at
/// that path is refused rather than written through.
/// </summary>
public sealed class FileOutput(IFileSystem fs, string full, string display)
{
    public const string StandardOutput = "-";

    public string Display => display;

    public string FullPath => full;

    /// <summary>Why this file may not be written, or null.</summary>
    public Diagnostic? Check(IEnumerable<(string Full, string Display)> inputs) => OutputPlacement.CheckFile(fs, full, display, inputs);

    /// <summary>Writes the content; the failure to report, or null.</summary>
    public Diagnostic? Write(ReadOnlyMemory<byte> content)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? "/", "." + Path.GetFileName(full) + ".fedrender-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (fs.Stat(temporary).Exists) fs.DeleteFile(temporary);
            fs.WriteNew(temporary, content);
            var entry = fs.Stat(full);
            if (entry.Kind is not (EntryKind.Missing or EntryKind.File))
            {
                fs.DeleteFile(temporary);
                return CliDiagnostics.OutputFileRefused(display, entry.Describe());
            }

            fs.Rename(temporary, full);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                if (fs.Stat(temporary).Kind == EntryKind.File) fs.DeleteFile(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more can be done; the message below says what failed.
            }

            return CliDiagnostics.OutputWriteFailed(display, e.Message.TrimEnd('.').Replace(full, display, StringComparison.Ordinal));
        }
    }
}
