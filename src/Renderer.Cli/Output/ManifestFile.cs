using System.Globalization;
using System.Text;
using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>
/// The list of files fedrender wrote into an output directory, each with the SHA-256 of its content: the only
/// files it may replace or remove. Every path must be a normalised relative path inside one cluster directory,
/// or exactly one of the root file names the layouts write (<see cref="OutputLayout.RootFileNames"/>); a
/// manifest with any other line is not fedrender's, and nothing is read or written on its word.
/// </summary>
public static class ManifestFile
{
    public const string Name = ".fedrender-manifest";

    private const string Header = "# fedrender output manifest: fedrender wrote these files (SHA-256, path) and may replace or remove them; it never touches others.";

    /// <summary>The manifest of these files: path → SHA-256 (lowercase hex).</summary>
    public static byte[] Write(IEnumerable<KeyValuePair<string, string>> files)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var (path, hash) in files.OrderBy(f => f.Key, StringComparer.Ordinal)) text.Append(hash).Append("  ").Append(path).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A parsed manifest: path → recorded hash (null for a line of the older, path-only form).</summary>
    public sealed record Contents(IReadOnlyDictionary<string, string?> Files);

    /// <summary>The manifest's files, or the first line that is not a confined path (1-based) with why.</summary>
    public static (Contents? Contents, int Line, string Problem) Parse(byte[] content)
    {
        var files = new Dictionary<string, string?>(StringComparer.Ordinal);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return (null, 1, "it is not UTF-8 text");
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 && i == lines.Length - 1) break;
            if (line.StartsWith('#')) continue;
            string? hash = null;
            var path = line;
            if (line.Length > 66 && line[64] == ' ' && line[65] == ' ' && IsHash(line.AsSpan(0, 64)))
            {
                hash = line[..64];
                path = line[66..];
            }

            if (Confinement(path) is { } problem) return (null, i + 1, $"{problem} (\"{Quote(path)}\")");
            if (!files.TryAdd(path, hash)) return (null, i + 1, "it names a file twice");
        }

        return (new Contents(files), 0, string.Empty);
    }

    /// <summary>
    /// Why a manifest path is neither a normalised relative path inside one cluster directory nor one of the
    /// layouts' root file names, or null when it is one of them.
    /// </summary>
    public static string? Confinement(string path)
    {
        if (path.Length == 0) return "it is empty";
        if (path[0] == '/') return "it is an absolute path";
        if (path.Contains('\\', StringComparison.Ordinal)) return "it holds a backslash";
        if (path.Contains('\0', StringComparison.Ordinal)) return "it holds a NUL character";
        if (path.Any(char.IsControl)) return "it holds a control character";
        var segments = path.Split('/');
        if (segments.Length < 2)
        {
            return OutputLayout.IsRootFileName(path) ? null : $"it is not inside a cluster directory, and the only files a layout writes at the top level are {string.Join(" and ", OutputLayout.RootFileNames)}";
        }

        foreach (var segment in segments)
        {
            if (segment.Length == 0) return "it has an empty segment";
            if (segment is "." or "..") return $"it has a \"{segment}\" segment";
        }

        if (segments[0][0] == '.') return "its cluster directory is hidden";
        return null;
    }

    /// <summary>A line for a message: at most 120 characters, control characters shown as \uXXXX.</summary>
    public static string Quote(string line)
    {
        var shown = new StringBuilder();
        foreach (var c in line.Length > 120 ? line[..120] : line)
        {
            if (char.IsControl(c) || c == '"') shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            else shown.Append(c);
        }

        return line.Length > 120 ? shown + "..." : shown.ToString();
    }

    private static bool IsHash(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f')) return false;
        }

        return true;
    }
}
