using System.Text.Json.Nodes;

using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>Reads the integrations' YAML files (plugin, action, ApplicationSet) as JSON nodes.</summary>
public static class Yaml
{
    public static IReadOnlyList<JsonObject> Documents(string path, string text) =>
        Renderer.Tests.Support.Documents.Load(path, text).Select(d => d.Root as JsonObject).OfType<JsonObject>().ToList();

    public static IReadOnlyList<JsonObject> File(string path) => Documents(path, System.IO.File.ReadAllText(path));

    public static IReadOnlyList<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => (string?)n ?? string.Empty).ToList();
}
