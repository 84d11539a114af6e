namespace Renderer.Core.Model;

/// <summary>One <c>matchExpressions</c> entry; Values is null when the field is absent.</summary>
public sealed record LabelExpression(string Key, string Operator, IReadOnlyList<string>? Values, string Pointer);
