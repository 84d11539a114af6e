using System.Text.Json.Nodes;

namespace Renderer.Core.Output;

public static class YamlEmitter
{
    public static string Emit(JsonNode? node) => throw new NotImplementedException();
}
