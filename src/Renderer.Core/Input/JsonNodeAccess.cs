using System.Text.Json.Nodes;

namespace Renderer.Core.Input;

/// <summary>
/// Safe navigation over documents of any shape: a key of something that is not a mapping, or an index of
/// something that is not a list, is simply absent (the indexers of System.Text.Json throw instead).
/// </summary>
public static class JsonNodeAccess
{
    public static JsonNode? Get(this JsonNode? node, string key) => node is JsonObject obj && obj.TryGetPropertyValue(key, out var value) ? value : null;

    public static JsonNode? Get(this JsonNode? node, int index) => node is JsonArray array && index >= 0 && index < array.Count ? array[index] : null;

    /// <summary>The node at a JSON pointer, or null when any step is missing or of the wrong shape.</summary>
    public static JsonNode? At(this JsonNode? node, string pointer)
    {
        var current = node;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current is JsonArray && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? current.Get(index)
                : current.Get(Pointer.Unescape(segment));
        }

        return current;
    }
}
