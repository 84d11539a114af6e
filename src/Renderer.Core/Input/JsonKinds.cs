using System.Text.Json;
using System.Text.Json.Nodes;

namespace Renderer.Core.Input;

/// <summary>Names JSON node kinds the way diagnostics speak of them.</summary>
public static class JsonKinds
{
    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Number => "a number",
            _ => "a value",
        },
        _ => "a value",
    };

    public static bool IsString(JsonNode? node, out string value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }

        value = string.Empty;
        return false;
    }
}
