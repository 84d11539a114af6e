using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>One YAML document of an input file, as JSON nodes, with the position of every node.</summary>
public sealed record SourceDocument(string File, int Index, JsonNode? Root, PositionMap Positions)
{
    public SourceLocation Start => Positions.DocumentStart;

    /// <summary>Location of the value at <paramref name="pointer"/> (or its nearest existing ancestor).</summary>
    public SourceLocation At(string pointer) => Positions.ValueOf(pointer);

    /// <summary>Location of the key naming <paramref name="pointer"/> (or its nearest existing ancestor).</summary>
    public SourceLocation KeyAt(string pointer) => Positions.KeyOf(pointer);
}
