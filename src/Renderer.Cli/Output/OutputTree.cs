using System.Text;
using Renderer.Core.Output;

namespace Renderer.Cli.Output;

/// <summary>What a render puts in the output directory: <c>&lt;cluster&gt;/&lt;path&gt;</c> → bytes, validated as relative paths.</summary>
public static class OutputTree
{
    public static SortedDictionary<string, byte[]> From(IReadOnlyList<ClusterManifests> clusters)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var file in cluster.Files)
            {
                var path = cluster.Cluster + "/" + file.RelativePath;
                if (!IsSafeRelative(path)) throw new InvalidOperationException($"refusing to write outside the output directory: {path}");
                files[path] = Encoding.UTF8.GetBytes(file.Content);
            }
        }

        return files;
    }

    /// <summary>Defence in depth: Core validates names, and the writer still refuses anything that could escape.</summary>
    public static bool IsSafeRelative(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.Contains('\\', StringComparison.Ordinal) || path.Contains('\0', StringComparison.Ordinal)) return false;
        if (Path.IsPathRooted(path)) return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return false;
        }

        return true;
    }
}
