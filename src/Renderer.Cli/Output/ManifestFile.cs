using System.Text;

namespace Renderer.Cli.Output;

/// <summary>The list of files fedrender wrote into an output directory: the only files it may replace or remove.</summary>
public static class ManifestFile
{
    public const string Name = ".fedrender-manifest";

    private const string Header = "# fedrender output manifest: fedrender wrote these files and may replace or remove them; it never touches others.";

    public static byte[] Write(IEnumerable<string> relativePaths)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var path in relativePaths.Order(StringComparer.Ordinal)) text.Append(path).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static IReadOnlySet<string> Read(byte[] content)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in Encoding.UTF8.GetString(content).Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0 || trimmed[0] == '#') continue;
            result.Add(trimmed);
        }

        return result;
    }
}
