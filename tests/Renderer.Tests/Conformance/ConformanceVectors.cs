using System.Text.Json.Nodes;
using Renderer.Tests.Support;

namespace Renderer.Tests.Conformance;

/// <summary>Loads a conformance file as a list of entries, keyed by their name, for xunit theories.</summary>
public static class ConformanceVectors
{
    private static readonly Dictionary<string, JsonArray> Cache = new(StringComparer.Ordinal);

    public static JsonArray Load(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var entries))
            {
                var path = Path.Combine(RepositoryPaths.Conformance, file);
                entries = JsonNode.Parse(File.ReadAllText(path))?.AsArray() ?? throw new InvalidDataException(path);
                Cache[file] = entries;
            }

            return entries;
        }
    }

    public static JsonObject Entry(string file, string name) =>
        Load(file).OfType<JsonObject>().Single(e => (string?)e["name"] == name);

    public static TheoryData<string> Names(string file, Func<JsonObject, bool>? include = null)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Load(file).OfType<JsonObject>())
        {
            if (include is null || include(entry)) data.Add((string?)entry["name"] ?? throw new InvalidDataException("entry without name"));
        }

        return data;
    }
}
