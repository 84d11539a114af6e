using System.Text;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Renderer.Core.Input;

/// <summary>
/// Reads one input file into JSON documents, keeping the position of every node. Works on YamlDotNet's
/// event stream directly, so that it owns the rules Kubernetes applies: YAML 1.1 scalars, duplicate keys
/// as errors, merge keys, aliases bounded by a node budget, and a depth limit.
/// </summary>
public static class YamlLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics) Load(SourceFile file, LoadLimits? limits = null)
    {
        var (documents, diagnostics, _) = Load(file, limits ?? LoadLimits.Default, default);
        return (documents, diagnostics);
    }

    /// <summary>
    /// One file of several: <paramref name="before"/> is what the files before it held, and
    /// <see cref="LoadLimits.MaxTotalNodes"/> and <see cref="LoadLimits.MaxDocuments"/> bound them all. Returns the
    /// totals after this file (over a limit when it was reached, and then the rest of the file is not read).
    /// </summary>
    internal static (IReadOnlyList<SourceDocument> Documents, IReadOnlyList<Diagnostic> Diagnostics, LoadTotals Totals) Load(SourceFile file, LoadLimits limits, LoadTotals before)
    {
        var diagnostics = new List<Diagnostic>();
        var documents = new List<SourceDocument>();
        var bytes = file.Content.Span;

        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(InputDiagnostics.FileTooLarge(SourceLocation.OfFile(file.Path), limits.MaxFileBytes));
            return (documents, diagnostics, before);
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(InputDiagnostics.NulByte(LocationOfByte(file.Path, bytes, nul)));
            return (documents, diagnostics, before);
        }

        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var offset = FirstInvalidUtf8(bytes);
            diagnostics.Add(InputDiagnostics.InvalidUtf8(LocationOfByte(file.Path, bytes, offset), offset));
            return (documents, diagnostics, before);
        }

        var builder = new DocumentBuilder(file.Path, limits, diagnostics, before);
        var parser = new Parser(new StringReader(text));
        var lastMark = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is not { } current) continue;
                lastMark = current.End;
                var document = builder.Accept(current);
                // An empty document means nothing; keeping it would let a file of a million "---" hold gigabytes.
                if (document is { Root: not null }) documents.Add(document);
                if (builder.Exhausted) break;
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed input; the last good position is the best we know.
            diagnostics.Add(InputDiagnostics.YamlSyntax(Location(file.Path, lastMark), "the parser could not read the YAML after this position (look for an unclosed bracket, quote or an indentation slip)"));
        }
        catch (YamlException e)
        {
            // YamlDotNet marks where the enclosing node starts for a tab in indentation; point at the tab itself.
            var at = e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is { } tab
                ? new SourceLocation(file.Path, tab.Line, tab.Column)
                : Location(file.Path, e.Start);
            diagnostics.Add(InputDiagnostics.YamlSyntax(at, CleanMessage(e.Message)));
        }

        return (documents, diagnostics, builder.Totals);
    }

    internal static SourceLocation Location(string file, Mark mark) =>
        new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is reported separately.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        var cleaned = message.StartsWith('(') && marker > 0 ? message[(marker + 3)..] : message;
        return cleaned.Length == 0 ? message : char.ToLowerInvariant(cleaned[0]) + cleaned[1..];
    }

    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var line = 1;
        var column = 1;
        var leading = true;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                leading = true;
                continue;
            }

            if (leading && c == '\t') return (line, column);
            if (c != ' ') leading = false;
            column++;
        }

        return null;
    }

    private static SourceLocation LocationOfByte(string file, ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }

    /// <summary>Turns the event stream of one file into documents; one instance per file.</summary>
    private sealed class DocumentBuilder(string file, LoadLimits limits, List<Diagnostic> diagnostics, LoadTotals before)
    {
        // A warning repeated for the same value (a million "yes") shares one message instead of building its own.
        private readonly Dictionary<(string Code, string Value), Diagnostic> repeated = [];

        // Keys and short values repeat across documents (every override says "path" and "value", every cluster
        // name comes back): one string each keeps a fleet's documents a fifth smaller in memory.
        private readonly HashSet<string> pool = new(StringComparer.Ordinal);
        private readonly Stack<Frame> stack = new();
        private readonly Dictionary<string, Anchor> anchors = new(StringComparer.Ordinal);
        private PositionMap? positions;
        private PositionMap? fileMap;
        private JsonNode? root;
        private bool rootSet;
        private bool failed;
        private bool rejected;
        private int nodes;
        private int index;

        /// <summary>Nodes and documents read from every file so far, this one included.</summary>
        public LoadTotals Totals { get; private set; } = before;

        /// <summary>True once all inputs together hold more nodes or documents than allowed; nothing more is read.</summary>
        public bool Exhausted { get; private set; }

        public SourceDocument? Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart start:
                    positions = fileMap = fileMap?.Next(Location(file, start.Start)) ?? new PositionMap(Location(file, start.Start));
                    root = null;
                    rootSet = false;
                    failed = false;
                    rejected = false;
                    nodes = 0;
                    anchors.Clear();
                    stack.Clear();
                    return null;
                case DocumentEnd:
                    var current = positions;
                    positions = null;
                    var position = index++;
                    if (failed || rejected || current is null || !rootSet || root is null) return null;
                    // Only documents that are kept count: a file of empty documents costs nothing.
                    Totals = Totals with { Documents = Totals.Documents + 1 };
                    if (Totals.Documents > limits.MaxDocuments)
                    {
                        diagnostics.Add(InputDiagnostics.TooManyDocuments(current.DocumentStart, limits.MaxDocuments));
                        Exhausted = true;
                        return null;
                    }

                    return new SourceDocument(file, position, root, current);
            }

            if (failed || positions is null) return null;
            switch (e)
            {
                case MappingStart m:
                    CheckCollectionTag(m, TagResolver.Prefix + "map");
                    Open(new Frame(new JsonObject(), m), m.Anchor, m.Start);
                    break;
                case SequenceStart s:
                    CheckCollectionTag(s, TagResolver.Prefix + "seq");
                    Open(new Frame(new JsonArray(), s), s.Anchor, s.Start);
                    break;
                case MappingEnd:
                case SequenceEnd:
                    Close();
                    break;
                case Scalar scalar:
                    OnScalar(scalar);
                    break;
                case AnchorAlias alias:
                    OnAlias(alias);
                    break;
            }

            return null;
        }

        /// <summary>Adds a warning about one scalar value; the same warning about the same value again reuses its message.</summary>
        private void Warn(string kind, string value, SourceLocation at, Func<Diagnostic> create)
        {
            if (repeated.TryGetValue((kind, value), out var first))
            {
                diagnostics.Add(first with { Location = at });
                return;
            }

            var diagnostic = create();
            if (repeated.Count < 4096) repeated[(kind, value)] = diagnostic;
            diagnostics.Add(diagnostic);
        }

        /// <summary>The one copy of a short string read before in this file (the pool stops growing at 65,536 strings).</summary>
        private string Pooled(string text)
        {
            if (text.Length > 64) return text;
            if (pool.TryGetValue(text, out var existing)) return existing;
            if (pool.Count < 65_536) pool.Add(text);
            return text;
        }

        private void Fail(Diagnostic diagnostic)
        {
            diagnostics.Add(diagnostic);
            failed = true;
            stack.Clear();
        }

        private bool Count(int added, Mark at)
        {
            nodes += added;
            Totals = Totals with { Nodes = Totals.Nodes + added };
            if (nodes > limits.MaxNodes)
            {
                Fail(InputDiagnostics.TooManyNodes(Location(file, at), limits.MaxNodes));
                return false;
            }

            if (Totals.Nodes <= limits.MaxTotalNodes) return true;
            Fail(InputDiagnostics.InputsTooManyNodes(Location(file, at), limits.MaxTotalNodes));
            Exhausted = true;
            return false;
        }

        private void Open(Frame frame, AnchorName anchor, Mark start)
        {
            if (stack.TryPeek(out var parent) && parent.ExpectsKey)
            {
                Fail(InputDiagnostics.ComplexKey(Location(file, start)));
                return;
            }

            if (stack.Count >= limits.MaxDepth)
            {
                Fail(InputDiagnostics.TooDeep(Location(file, start), limits.MaxDepth));
                return;
            }

            if (!Count(1, start)) return;
            frame.NodesAtStart = nodes;
            frame.Location = Location(file, start);
            if (parent is { PendingIsMerge: true })
            {
                // The value of "<<" is collected, not stored; it is merged when the enclosing mapping closes.
                parent.PendingIsMerge = false;
                frame.IsMergeValue = true;
                frame.Id = positions!.AddMergeValue(parent.Id, parent.PendingKeyLocation, frame.Location);
            }
            else
            {
                frame.Id = Attach(frame.Node, frame.Location);
            }

            if (failed) return;
            if (!anchor.IsEmpty)
            {
                frame.AnchorName = anchor.Value;
                anchors[anchor.Value] = new Anchor(frame.Node, 0, Open: true);
            }

            stack.Push(frame);
        }

        private void Close()
        {
            var frame = stack.Pop();
            if (frame.Node is JsonObject obj && frame.Merges is { Count: > 0 } merges)
            {
                foreach (var source in merges)
                {
                    foreach (var (key, value) in source)
                    {
                        if (obj.ContainsKey(key)) continue;
                        var copy = value?.DeepClone();
                        if (!Count(CountNodes(copy), frame.Start.Start)) return;
                        obj[key] = copy;
                    }
                }
            }

            if (frame.AnchorName is { } name)
            {
                anchors[name] = new Anchor(frame.Node, nodes - frame.NodesAtStart + 1, Open: false);
            }

            if (frame.IsMergeValue && stack.TryPeek(out var parent)) parent.AddMerge(frame.Node, frame.Location, this);
        }

        private void OnScalar(Scalar scalar)
        {
            var at = Location(file, scalar.Start);
            if (stack.TryPeek(out var parent) && parent.ExpectsKey)
            {
                OnKey(parent, scalar, at);
                return;
            }

            if (!Count(1, scalar.Start)) return;
            JsonNode? node;
            if (!scalar.Tag.IsEmpty)
            {
                node = Tagged(scalar, at);
            }
            else if (scalar.Style != ScalarStyle.Plain)
            {
                node = JsonValue.Create(Pooled(scalar.Value));
            }
            else
            {
                var resolved = ScalarResolver.Resolve(Pooled(scalar.Value));
                if (resolved.Kind == ScalarKind.NotRepresentable)
                {
                    Warn("NotRepresentable", scalar.Value, at, () => InputDiagnostics.NotRepresentable(at, scalar.Value));
                    node = JsonValue.Create(Pooled(scalar.Value));
                }
                else
                {
                    node = resolved.Node;
                    if (resolved.Kind == ScalarKind.Float && IsDecimalInteger(scalar.Value)) Warn("IntegerTooLarge", scalar.Value, at, () => InputDiagnostics.IntegerTooLarge(at, scalar.Value));
                    if (resolved.Yaml11Only is { } readAs)
                    {
                        Warn("AmbiguousScalar", scalar.Value, at, () => InputDiagnostics.AmbiguousScalar(at, scalar.Value, readAs,
                            $"write \"{scalar.Value}\" in quotes for a string, or {Canonical(resolved)} for the value Kubernetes reads"));
                    }
                }
            }

            if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = new Anchor(node, 1, Open: false);
            Attach(node, at);
        }

        /// <summary>An explicitly tagged scalar; an unsupported tag or a value its tag cannot read is reported at the tag.</summary>
        private JsonNode? Tagged(Scalar scalar, SourceLocation at)
        {
            var tag = scalar.Tag.Value;
            var result = TagResolver.Resolve(tag, scalar.Value);
            // The API server refuses the whole file, so the document is read to its end (to report every tag) and then dropped.
            if (result.Unsupported) Reject(InputDiagnostics.UnsupportedTag(at, TagResolver.Short(tag)));
            else if (result.Problem is { } problem) Reject(InputDiagnostics.TagMismatch(at, TagResolver.Short(tag), scalar.Value, problem));
            return result.Node ?? (result.Unsupported || result.Problem is not null ? JsonValue.Create(scalar.Value) : null);
        }

        private void CheckCollectionTag(NodeEvent start, string allowed)
        {
            if (start.Tag.IsEmpty || start.Tag.Value == allowed) return;
            Reject(InputDiagnostics.UnsupportedTag(Location(file, start.Start), TagResolver.Short(start.Tag.Value)));
        }

        private void Reject(Diagnostic diagnostic)
        {
            diagnostics.Add(diagnostic);
            rejected = true;
        }

        private static bool IsDecimalInteger(string text) =>
            text.Length > 0 && text.TrimStart('+', '-').Replace("_", string.Empty, StringComparison.Ordinal) is { Length: > 0 } digits && digits.All(char.IsAsciiDigit);

        private static string Canonical(ResolvedScalar resolved) => resolved.Node?.ToJsonString() ?? "null";

        private void OnKey(Frame parent, Scalar scalar, SourceLocation at)
        {
            string key;
            if (scalar.Style == ScalarStyle.Plain && scalar.Value == "<<" && scalar.Tag.IsEmpty)
            {
                parent.PendingKey = null;
                parent.PendingIsMerge = true;
                parent.PendingKeyLocation = at;
                return;
            }

            if (!scalar.Tag.IsEmpty)
            {
                var tagged = Tagged(scalar, at);
                key = JsonKinds.IsString(tagged, out var text) ? text : tagged?.ToJsonString() ?? "null";
            }
            else if (scalar.Style != ScalarStyle.Plain)
            {
                key = scalar.Value;
            }
            else
            {
                var resolved = ScalarResolver.Resolve(scalar.Value);
                key = resolved.Kind switch
                {
                    ScalarKind.String => scalar.Value,
                    ScalarKind.Null => "null",
                    _ => resolved.Node?.ToJsonString() ?? scalar.Value,
                };
                if (resolved.Kind != ScalarKind.String && key != scalar.Value)
                {
                    diagnostics.Add(InputDiagnostics.AmbiguousScalar(at, scalar.Value, $"the key \"{key}\"",
                        $"write \"{scalar.Value}\" in quotes to keep the key as written"));
                }
            }

            key = Pooled(key);
            if (positions!.TryMember(parent.Id, key, out var first))
            {
                Fail(InputDiagnostics.DuplicateKey(at, key, first));
                return;
            }

            parent.PendingKey = key;
            parent.PendingIsMerge = false;
            parent.PendingKeyLocation = at;
        }

        private void OnAlias(AnchorAlias alias)
        {
            var at = Location(file, alias.Start);
            if (stack.TryPeek(out var parent) && parent.ExpectsKey)
            {
                Fail(InputDiagnostics.ComplexKey(at));
                return;
            }

            if (!anchors.TryGetValue(alias.Value.Value, out var anchor))
            {
                Fail(InputDiagnostics.UndefinedAlias(at, alias.Value.Value));
                return;
            }

            if (anchor.Open)
            {
                Fail(InputDiagnostics.RecursiveAlias(at, alias.Value.Value));
                return;
            }

            if (!Count(anchor.Size, alias.Start)) return;
            if (parent is { PendingIsMerge: true })
            {
                parent.PendingIsMerge = false;
                parent.AddMerge(anchor.Node, at, this);
                return;
            }

            Attach(anchor.Node?.DeepClone(), at);
        }

        /// <summary>Attaches a finished or opening node to its parent; returns its number in the position map.</summary>
        private int Attach(JsonNode? node, SourceLocation at)
        {
            if (!stack.TryPeek(out var parent))
            {
                root = node;
                rootSet = true;
                return positions!.RootNode;
            }

            if (parent.Node is JsonArray array)
            {
                array.Add(node);
                return positions!.AddItem(parent.Id, at);
            }

            if (parent.PendingIsMerge)
            {
                Fail(InputDiagnostics.InvalidMerge(at));
                return parent.Id;
            }

            var key = parent.PendingKey ?? string.Empty;
            parent.PendingKey = null;
            ((JsonObject)parent.Node)[key] = node;
            return positions!.AddMember(parent.Id, key, parent.PendingKeyLocation, at);
        }

        private static int CountNodes(JsonNode? node)
        {
            var count = 0;
            var work = new Stack<JsonNode?>();
            work.Push(node);
            while (work.Count > 0)
            {
                var current = work.Pop();
                count++;
                switch (current)
                {
                    case JsonObject o:
                        foreach (var (_, v) in o) work.Push(v);
                        break;
                    case JsonArray a:
                        foreach (var v in a) work.Push(v);
                        break;
                }
            }

            return count;
        }

        private readonly record struct Anchor(JsonNode? Node, int Size, bool Open);

        private sealed class Frame
        {
            public Frame(JsonNode node, NodeEvent start)
            {
                Node = node;
                Start = start;
            }

            public JsonNode Node { get; }

            public NodeEvent Start { get; }

            /// <summary>The node's number in the document's position map.</summary>
            public int Id { get; set; }

            public SourceLocation Location { get; set; }

            public int NodesAtStart { get; set; }

            public string? AnchorName { get; set; }

            public string? PendingKey { get; set; }

            public bool PendingIsMerge { get; set; }

            public SourceLocation PendingKeyLocation { get; set; }

            public bool IsMergeValue { get; set; }

            public List<JsonObject>? Merges { get; private set; }

            /// <summary>True while the mapping expects a key rather than a value.</summary>
            public bool ExpectsKey => Node is JsonObject && PendingKey is null && !PendingIsMerge;

            public void AddMerge(JsonNode? source, SourceLocation at, DocumentBuilder owner)
            {
                Merges ??= [];
                switch (source)
                {
                    case JsonObject o:
                        Merges.Add(o);
                        break;
                    case JsonArray a when a.All(x => x is JsonObject):
                        foreach (var item in a) Merges.Add((JsonObject)item!);
                        break;
                    default:
                        owner.Fail(InputDiagnostics.InvalidMerge(at));
                        break;
                }
            }
        }
    }
}
