using System.Text.Json.Nodes;

namespace Renderer.Core.Karmada;

/// <summary>
/// One overrider of an override rule, as written. Which properties are set depends on <see cref="Kind"/>:
/// image (Component, Value, PredicatePath), command and args (ContainerName, Values), labels and annotations
/// (Entries), field (FieldPath, SubPatches, Yaml), plaintext (Path, Value).
/// </summary>
public sealed record Overrider(OverriderKind Kind, string Operator, string Pointer)
{
    public string Component { get; init; } = string.Empty;

    public JsonNode? Value { get; init; }

    public string? PredicatePath { get; init; }

    public string ContainerName { get; init; } = string.Empty;

    public IReadOnlyList<string> Values { get; init; } = [];

    public IReadOnlyList<KeyValuePair<string, string>> Entries { get; init; } = [];

    public string FieldPath { get; init; } = string.Empty;

    public IReadOnlyList<Overrider> SubPatches { get; init; } = [];

    public bool Yaml { get; init; }

    public string Path { get; init; } = string.Empty;

    /// <summary>The field name as written in the policy, for diagnostics.</summary>
    public string FieldName => Kind switch
    {
        OverriderKind.Image => "imageOverrider",
        OverriderKind.Command => "commandOverrider",
        OverriderKind.Args => "argsOverrider",
        OverriderKind.Labels => "labelsOverrider",
        OverriderKind.Annotations => "annotationsOverrider",
        OverriderKind.Field => "fieldOverrider",
        _ => "plaintext",
    };
}
