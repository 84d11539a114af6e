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
    private readonly Storage storage;
    private readonly int root;

    public PositionMap(SourceLocation documentStart)
        : this(new Storage(documentStart.File), documentStart)
    {
    }

    /// <summary>A new document's map in the same storage: one file's documents share one table.</summary>
    private PositionMap(Storage storage, SourceLocation documentStart)
    {
        this.storage = storage;
        root = storage.Nodes.Count;
        storage.Nodes.Add(new Node(documentStart.Line, documentStart.Column, documentStart.Line, documentStart.Column));
        DocumentStart = documentStart;
    }

    private PositionMap(Storage storage, int root, SourceLocation documentStart)
    {
        this.storage = storage;
        this.root = root;
        DocumentStart = documentStart;
    }

    public SourceLocation DocumentStart { get; }

    /// <summary>The root node's number, the parent of the document's top-level members.</summary>
    internal int RootNode => root;

    /// <summary>The map of the next document of the same file, sharing this one's storage.</summary>
    internal PositionMap Next(SourceLocation documentStart) => new(storage, documentStart);

    /// <summary>Records a mapping member; returns its number.</summary>
    internal int AddMember(int parent, string key, SourceLocation keyAt, SourceLocation valueAt) =>
        Add(new Child(parent, key), new Node(keyAt.Line, keyAt.Column, valueAt.Line, valueAt.Column));

    /// <summary>Records the value of a merge key (<c>&lt;&lt;</c>), which no pointer names; returns its number.</summary>
    internal int AddMergeValue(int parent, SourceLocation keyAt, SourceLocation valueAt) =>
        Add(new Child(parent, null), new Node(keyAt.Line, keyAt.Column, valueAt.Line, valueAt.Column));

    /// <summary>Records a sequence item; returns its number.</summary>
    internal int AddItem(int parent, SourceLocation at)
    {
        var id = storage.Nodes.Count;
        storage.Nodes.Add(new Node(at.Line, at.Column, at.Line, at.Column));
        if (!storage.Items.TryGetValue(parent, out var items))
        {
            items = [];
            storage.Items[parent] = items;
        }

        items.Add(id);
        return id;
    }

    /// <summary>Where the key of a mapping member was written, when that member was recorded.</summary>
    internal bool TryMember(int parent, string key, out SourceLocation keyAt)
    {
        if (storage.Children.TryGetValue(new Child(parent, key), out var id))
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
            int next;
            if (storage.Items.TryGetValue(id, out var items))
            {
                if (!int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= items.Count) return false;
                next = items[index];
            }
            else if (!storage.Children.TryGetValue(new Child(id, segment), out next))
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

    /// <summary>A mapping member as its parent names it (a merge value has no key).</summary>
    private readonly record struct Child(int Parent, string? Key);

    /// <summary>What a document's map and the maps of its parts (see <see cref="Below"/>) share.</summary>
    private sealed class Storage(string file)
    {
        public string File { get; } = file;

        public List<Node> Nodes { get; } = [];

        /// <summary>Mapping members (and merge values) by parent and key.</summary>
        public Dictionary<Child, int> Children { get; } = [];

        /// <summary>Each sequence's items in order, by the sequence's number: four bytes an item.</summary>
        public Dictionary<int, List<int>> Items { get; } = [];
    }
}
