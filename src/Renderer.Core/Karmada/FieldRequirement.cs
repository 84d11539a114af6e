namespace Renderer.Core.Karmada;

/// <summary>One <c>fieldSelector.matchExpressions</c> entry: key provider, region or zone, a node-selector operator, values.</summary>
public sealed record FieldRequirement(string Key, string Operator, IReadOnlyList<string> Values, string Pointer);
