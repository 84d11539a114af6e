using Renderer.Tests.Support;

namespace Renderer.Tests.Golden;

/// <summary>Discovers the golden cases from disk: every folder of tests/golden with an input/ folder or a case.json.</summary>
public static class GoldenCases
{
    public static string Root => Path.Combine(RepositoryPaths.Root, "tests", "golden");

    public static IReadOnlyList<string> Names() =>
        Directory.EnumerateDirectories(Root)
            .Where(d => Directory.Exists(Path.Combine(d, "input")) || File.Exists(Path.Combine(d, "case.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    public static GoldenCase Get(string name) => GoldenCase.Load(Path.Combine(Root, name));
}
