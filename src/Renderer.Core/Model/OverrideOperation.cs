using System.Text.Json.Nodes;

namespace Renderer.Core.Model;

/// <summary>
/// One <c>clusterOverrides</c> entry. <see cref="Op"/> is as written ("" when omitted, which means replace);
/// <see cref="Value"/> is null both for an omitted value and for <c>value: null</c> (rule 25).
/// </summary>
public sealed record OverrideOperation(string Op, string? Path, JsonNode? Value, string Pointer)
{
    public string EffectiveOp => Op.Length == 0 ? "replace" : Op;
}
