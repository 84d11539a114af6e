using System.Globalization;
using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>
/// Where every node of a document stands in its source file, so that any stage can point a diagnostic at
/// the line a user wrote. Nodes are numbered as the loader meets them; each one records its parent, the key
/// or index that names it there, and the lines and columns of its key and value. A JSON pointer is resolved
/// segment by segment, so no pointer string is built for a node nobody asks about.
/// </summary>
public sealed class PositionMap
{
    private const int Root = 0;

    private readonly Storage storage;
    private readonly int root;

    public PositionMap(SourceLocation documentStart)
    {
        storage = new Storage(documentStart.File);
        storage.Nodes.Add(new Node(documentStart.Line, documentStart.Column, documentStart.Line, documentStart.Column));
        root = Root;
        DocumentStart = documentStart;
    }

    private PositionMap(Storage storage, int root, SourceLocation documentStart)
    {
        this.storage = storage;
        this.root = root;
        DocumentStart = documentStart;
    }

    public SourceLocation DocumentStart { get; }

    /// <summary>The root node's number, the parent of a document's top-level members.</summary>
    internal static int RootNode => Root;

    /// <summary>Records a mapping member; returns its number.</summary>
    internal int AddMember(int parent, string key, SourceLocation keyAt, SourceLocation valueAt) =>
        Add(new Child(parent, key, -1), new Node(keyAt.Line, keyAt.Column, valueAt.Line, valueAt.Column));

    /// <summary>Records the value of a merge key (<c>&lt;&lt;</c>), which no pointer names; returns its number.</summary>
    internal int AddMergeValue(int parent, SourceLocation keyAt, SourceLocation valueAt) =>
        Add(new Child(parent, null, -1), new Node(keyAt.Line, keyAt.Column, valueAt.Line, valueAt.Column));

    /// <summary>Records a sequence item; returns its number.</summary>
    internal int AddItem(int parent, int index, SourceLocation at) =>
        Add(new Child(parent, null, index), new Node(at.Line, at.Column, at.Line, at.Column));

    /// <summary>Where the key of a mapping member was written, when that member was recorded.</summary>
    internal bool TryMember(int parent, string key, out SourceLocation keyAt)
    {
        if (storage.Children.TryGetValue(new Child(parent, key, -1), out var id))
        {
            var node = storage.Nodes[id];
            keyAt = new SourceLocation(storage.File, node.KeyLine, node.KeyColumn);
            return true;
        }

        keyAt = default;
        return false;
    }

    public bool TryGet(string pointer, out NodePosition position)
    {
        if (Find(pointer, out var id, out _))
        {
            position = PositionOf(id);
            return true;
        }

        position = default;
        return false;
    }

    /// <summary>The value's location at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public SourceLocation ValueOf(string pointer) => Nearest(pointer).Value;

    /// <summary>The key's location at <paramref name="pointer"/>, or of its nearest ancestor that exists.</summary>
    public SourceLocation KeyOf(string pointer) => Nearest(pointer).Key;

    /// <summary>The positions below <paramref name="pointer"/>, as a map whose root is that node (no copy is made).</summary>
    public PositionMap Below(string pointer, SourceLocation start) =>
        Find(pointer, out var id, out _) ? new PositionMap(storage, id, start) : new PositionMap(start);

    private NodePosition Nearest(string pointer)
    {
        Find(pointer, out var id, out _);
        return PositionOf(id);
    }

    private NodePosition PositionOf(int id)
    {
        if (id == root) return new NodePosition(DocumentStart, DocumentStart);
        var node = storage.Nodes[id];
        return new NodePosition(new SourceLocation(storage.File, node.KeyLine, node.KeyColumn), new SourceLocation(storage.File, node.ValueLine, node.ValueColumn));
    }

    /// <summary>Walks the pointer from the root; <paramref name="id"/> is the deepest node that exists on the way.</summary>
    private bool Find(string pointer, out int id, out int depth)
    {
        id = root;
        depth = 0;
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        var start = 1;
        while (true)
        {
            var end = pointer.IndexOf('/', start);
            var segment = Pointer.Unescape(end < 0 ? pointer[start..] : pointer[start..end]);
            if (!storage.Children.TryGetValue(new Child(id, segment, -1), out var next)
                && !(int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && storage.Children.TryGetValue(new Child(id, null, index), out next)))
            {
                return false;
            }

            id = next;
            depth++;
            if (end < 0) return true;
            start = end + 1;
        }
    }

    private int Add(Child child, Node node)
    {
        var id = storage.Nodes.Count;
        storage.Nodes.Add(node);
        storage.Children[child] = id;
        return id;
    }

    /// <summary>A node's lines and columns; the file is the map's.</summary>
    private readonly record struct Node(int KeyLine, int KeyColumn, int ValueLine, int ValueColumn);

    /// <summary>A node as its parent names it: by key in a mapping, by index in a sequence.</summary>
    private readonly record struct Child(int Parent, string? Key, int Index);

    /// <summary>What a document's map and the maps of its parts (see <see cref="Below"/>) share.</summary>
    private sealed class Storage(string file)
    {
        public string File { get; } = file;

        public List<Node> Nodes { get; } = [];

        public Dictionary<Child, int> Children { get; } = [];
    }
}
