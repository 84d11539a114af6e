using System.Text.Json.Nodes;
using Renderer.Tests.Support;

namespace Renderer.Tests.Karmada;

/// <summary>Loads the Karmada conformance vectors of tests/conformance/karmada (data derived from Karmada's source and tests).</summary>
public static class KarmadaVectors
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "tests", "conformance", "karmada");

    public static IReadOnlyList<string> Files { get; } = ["policy-matching.json", "placement.json", "replica-division.json", "overriders.json"];

    public static JsonObject Entry(string file, string name) =>
        Load(file).OfType<JsonObject>().Single(e => (string?)e["name"] == name);

    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Files)
        {
            foreach (var entry in Load(file).OfType<JsonObject>()) data.Add(file, (string?)entry["name"] ?? throw new InvalidDataException($"{file}: entry without name"));
        }

        return data;
    }

    private static JsonArray Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, file)))?.AsArray() ?? throw new InvalidDataException(file);
}
