using System.Text.Json.Nodes;

namespace Renderer.Core.Patching;

/// <summary>One json-patch operation; <see cref="Value"/> null means JSON null (or no value, for remove).</summary>
public sealed record PatchOperation(PatchOperationKind Kind, string Path, JsonNode? Value)
{
    public string OpName => Kind switch
    {
        PatchOperationKind.Add => "add",
        PatchOperationKind.Remove => "remove",
        _ => "replace",
    };

    public static PatchOperationKind? ParseKind(string op) => op switch
    {
        "add" => PatchOperationKind.Add,
        "remove" => PatchOperationKind.Remove,
        "replace" => PatchOperationKind.Replace,
        _ => null,
    };
}
