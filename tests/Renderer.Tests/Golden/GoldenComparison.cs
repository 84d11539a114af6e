using System.Text;
using DiffPlex.Renderer;

namespace Renderer.Tests.Golden;

/// <summary>Compares rendered files with an expected folder, byte for byte, and describes every difference.</summary>
public static class GoldenComparison
{
    public sealed record Difference(string Path, string Kind, string? Diff);

    public static IReadOnlyList<Difference> Compare(IReadOnlyDictionary<string, string> actual, string expectedDirectory)
    {
        var expected = Read(expectedDirectory);
        var differences = new List<Difference>();
        foreach (var (path, content) in actual)
        {
            if (!expected.TryGetValue(path, out var want))
            {
                differences.Add(new Difference(path, "missing from expected/", Diff(string.Empty, content, path)));
            }
            else if (want != content)
            {
                differences.Add(new Difference(path, "different", Diff(want, content, path)));
            }
        }

        foreach (var path in expected.Keys.Where(p => !actual.ContainsKey(p)))
        {
            differences.Add(new Difference(path, "not rendered any more (unexpected file in expected/)", null));
        }

        return differences;
    }

    public static Dictionary<string, string> Read(string directory)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory)) return files;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, file).Replace('\\', '/')] = Encoding.UTF8.GetString(File.ReadAllBytes(file));
        }

        return files;
    }

    public static string Report(string caseName, IReadOnlyList<Difference> differences)
    {
        var text = new StringBuilder();
        text.Append("Golden case \"").Append(caseName).Append("\" differs from tests/golden/").Append(caseName).Append("/expected/ in ")
            .Append(differences.Count).Append(" file(s):\n");
        foreach (var difference in differences)
        {
            text.Append("\n== ").Append(difference.Path).Append(": ").Append(difference.Kind).Append('\n');
            if (difference.Diff is not null) text.Append(difference.Diff);
        }

        text.Append("\nIf the new output is right, accept it with:\n  FEDRENDER_UPDATE_GOLDEN=1 dotnet test tests/Renderer.Tests --filter \"FullyQualifiedName~GoldenTests\"\n")
            .Append("and review the change in git before committing it.\n");
        return text.ToString();
    }

    private static string Diff(string expected, string actual, string path) =>
        UnidiffRenderer.GenerateUnidiff(expected, actual, "expected/" + path, "actual/" + path, ignoreWhitespace: false, ignoreCase: false, contextLines: 3);
}
