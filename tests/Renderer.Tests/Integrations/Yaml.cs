using System.Text.Json.Nodes;
using Renderer.Core.Input;

namespace Renderer.Tests.Integrations;

/// <summary>Reads the integrations' YAML files (plugin, action, ApplicationSet) as JSON nodes.</summary>
public static class Yaml
{
    public static IReadOnlyList<JsonObject> Documents(string path, string text)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText(path, text));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
        return documents.Select(d => d.Root as JsonObject).OfType<JsonObject>().ToList();
    }

    public static IReadOnlyList<JsonObject> File(string path) => Documents(path, System.IO.File.ReadAllText(path));

    public static IReadOnlyList<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(n => (string?)n ?? string.Empty).ToList();
}
