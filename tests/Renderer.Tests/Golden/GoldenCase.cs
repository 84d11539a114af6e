using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.Tests.Golden;

/// <summary>
/// One folder under tests/golden: inputs (its <c>input/</c> folder, or the folder its <c>case.json</c> names,
/// relative to the repository root), options from <c>case.json</c>, and the expected output in <c>expected/</c>.
/// </summary>
public sealed record GoldenCase(string Name, string Directory, string InputDirectory, string DisplayRoot, RenderOptions Options)
{
    /// <summary>Folders of CustomResourceDefinitions (relative to the repository) read with the inputs, as --schemas reads them.</summary>
    public IReadOnlyList<string> SchemaDirectories { get; init; } = [];

    public string ExpectedDirectory => Path.Combine(Directory, "expected");

    public static GoldenCase Load(string directory)
    {
        var name = Path.GetFileName(directory);
        var input = Path.Combine(directory, "input");
        var displayRoot = directory;
        var options = RenderOptions.Default;
        var schemas = new List<string>();
        var settings = Path.Combine(directory, "case.json");
        if (File.Exists(settings))
        {
            var json = JsonNode.Parse(File.ReadAllText(settings))?.AsObject() ?? [];
            if ((string?)json["input"] is { } external)
            {
                input = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, external));
                displayRoot = RepositoryPaths.Root;
            }

            if (json["strict"]?.GetValue<bool>() == true) options = options with { Strict = true };
            if ((string?)json["namespace"] is { } ns) options = options with { Namespace = ns };
            foreach (var schema in json["schemas"] as JsonArray ?? []) schemas.Add((string?)schema ?? string.Empty);
        }

        return new GoldenCase(name, directory, input, displayRoot, options) { SchemaDirectories = schemas };
    }

    /// <summary>The inputs in ordinal order of their display paths (relative to the case, or to the repository for shared inputs).</summary>
    public IReadOnlyList<SourceFile> Inputs() =>
        Read(InputDirectory, DisplayRoot)
            .Concat(SchemaDirectories.SelectMany(d => Read(Path.Combine(RepositoryPaths.Root, d), RepositoryPaths.Root)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<SourceFile> Read(string directory, string displayRoot) =>
        System.IO.Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => new SourceFile(Path.GetRelativePath(displayRoot, f).Replace('\\', '/'), File.ReadAllBytes(f)));

    /// <summary>Renders the case: every file the expected folder should hold, by relative path.</summary>
    public SortedDictionary<string, string> Render()
    {
        var result = FederationRenderer.Render(Inputs(), Options);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["diagnostics.txt"] = string.Concat(result.Diagnostics.Select(d => d + "\n")),
        };
        foreach (var cluster in result.Clusters)
        {
            foreach (var file in cluster.Files) files[cluster.Cluster + "/" + file.RelativePath] = file.Content;
        }

        return files;
    }

    public override string ToString() => Name;
}
