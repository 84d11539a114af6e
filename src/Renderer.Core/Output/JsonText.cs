using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Renderer.Core.Output;

/// <summary>JSON files as fedrender writes them: two-space indentation, LF, no escaping beyond JSON's own, a final newline.</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Of(JsonNode node) => node.ToJsonString(Options) + "\n";
}
