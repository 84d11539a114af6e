namespace Renderer.Core.Model;

/// <summary>One <c>matchLabels</c> entry: key equals value.</summary>
public sealed record LabelRequirement(string Key, string Value, string Pointer);
