using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>
/// Maps the JSON pointer of every node of a document to its place in the source file, so that any
/// stage can point a diagnostic at the line a user wrote.
/// </summary>
public sealed class PositionMap
{
    private readonly Dictionary<string, NodePosition> positions = new(StringComparer.Ordinal);

    public PositionMap(SourceLocation documentStart)
    {
        DocumentStart = documentStart;
        positions[string.Empty] = new NodePosition(documentStart, documentStart);
    }

    public SourceLocation DocumentStart { get; }

    public int Count => positions.Count;

    internal void Add(string pointer, NodePosition position) => positions[pointer] = position;

    /// <summary>Every pointer and its position, in no particular order.</summary>
    public IEnumerable<KeyValuePair<string, NodePosition>> Entries => positions;

    public bool TryGet(string pointer, out NodePosition position) => positions.TryGetValue(pointer, out position);

    /// <summary>The value's location at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public SourceLocation ValueOf(string pointer) => Nearest(pointer).Value;

    /// <summary>The key's location at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public SourceLocation KeyOf(string pointer) => Nearest(pointer).Key;

    private NodePosition Nearest(string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (positions.TryGetValue(current, out var position)) return position;
            var slash = current.LastIndexOf('/');
            if (slash <= 0) return positions[string.Empty];
            current = current[..slash];
        }
    }
}
