using System.Text;
using Renderer.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Renderer.Core.Input;

/// <summary>
/// Reads as much of a file as the YAML parser can, without building documents: for each document its
/// top-level apiVersion and kind and, for the value scalars a caller asks for by pointer, their text and span.
/// It goes on past what makes <see cref="YamlLoader"/> drop a document (a duplicate key, a bad alias, a
/// limit) and stops at the first syntax error, keeping what came before. Nothing is expanded, so the work is
/// linear in the file's size; pointers are kept to <see cref="PointerDepth"/> levels, deeper scalars
/// carrying the pointer of their ancestor at that depth.
/// </summary>
public static class ScalarScanner
{
    public const int PointerDepth = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyList<ScannedDocument> Scan(SourceFile file, Func<string, bool> keep)
    {
        var documents = new List<ScannedDocument>();
        var bytes = file.Content.Span;
        if (bytes.IndexOf((byte)0) >= 0) return documents;
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return documents;
        }

        var state = new State(file.Path, keep, documents);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is { } current) state.Accept(current);
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // A syntax error ends the scan; what was read before it still counts.
        }

        state.Flush();
        return documents;
    }

    private sealed class State(string file, Func<string, bool> keep, List<ScannedDocument> documents)
    {
        private readonly Stack<Frame> stack = new();
        private readonly Dictionary<string, string> anchors = new(StringComparer.Ordinal);
        private List<ScannedScalar>? scalars;
        private string? apiVersion;
        private string? kind;
        private int firstLine = 1;

        public void Accept(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart start:
                    Flush();
                    scalars = [];
                    firstLine = (int)Math.Max(1, start.Start.Line);
                    break;
                case DocumentEnd:
                    Flush();
                    break;
                case MappingStart or SequenceStart:
                    // A collection used as a key (which the loader rejects) takes the key's place.
                    var isKey = stack.TryPeek(out var owner) && owner.IsMapping && owner.PendingKey is null;
                    stack.Push(new Frame(e is MappingStart, isKey ? owner?.Pointer ?? string.Empty : ValuePointer(), stack.Count + 1) { IsKey = isKey });
                    break;
                case MappingEnd or SequenceEnd:
                    if (stack.TryPop(out var closed) && closed.IsKey && stack.TryPeek(out var keyed)) keyed.PendingKey = string.Empty;
                    else Consumed();
                    break;
                case Scalar scalar:
                    OnScalar(scalar);
                    break;
                case AnchorAlias alias:
                    if (stack.TryPeek(out var parent) && parent.IsMapping && parent.PendingKey is null)
                    {
                        parent.PendingKey = string.Empty;
                        break;
                    }

                    var at = ValuePointer();
                    if (anchors.TryGetValue(alias.Value.Value, out var aliased) && keep(at))
                    {
                        var location = YamlLoader.Location(file, alias.Start);
                        scalars?.Add(new ScannedScalar(at, aliased, location, YamlLoader.Location(file, alias.End)));
                    }

                    Consumed();
                    break;
            }
        }

        public void Flush()
        {
            if (scalars is not null) documents.Add(new ScannedDocument(file, firstLine, apiVersion, kind, scalars));
            scalars = null;
            apiVersion = null;
            kind = null;
            stack.Clear();
            anchors.Clear();
        }

        private void OnScalar(Scalar scalar)
        {
            if (stack.TryPeek(out var parent) && parent.IsMapping && parent.PendingKey is null)
            {
                parent.PendingKey = scalar.Value;
                return;
            }

            var pointer = ValuePointer();
            if (stack.Count == 1 && parent is { IsMapping: true })
            {
                if (pointer == "/apiVersion") apiVersion ??= scalar.Value;
                if (pointer == "/kind") kind ??= scalar.Value;
            }

            if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor.Value] = scalar.Value;
            if (keep(pointer)) scalars?.Add(new ScannedScalar(pointer, scalar.Value, YamlLoader.Location(file, scalar.Start), YamlLoader.Location(file, scalar.End)));
            Consumed();
        }

        /// <summary>The pointer of the node about to be read as a value (or item) of the innermost collection.</summary>
        private string ValuePointer()
        {
            if (!stack.TryPeek(out var parent)) return string.Empty;
            if (parent.Depth > PointerDepth) return parent.Pointer;
            return parent.IsMapping ? Pointer.Append(parent.Pointer, parent.PendingKey ?? string.Empty) : Pointer.Append(parent.Pointer, parent.Items);
        }

        /// <summary>The innermost collection has read one more value.</summary>
        private void Consumed()
        {
            if (!stack.TryPeek(out var parent)) return;
            if (parent.IsMapping) parent.PendingKey = null;
            else parent.Items++;
        }
    }

    private sealed class Frame(bool isMapping, string pointer, int depth)
    {
        public bool IsMapping { get; } = isMapping;

        public string Pointer { get; } = pointer;

        public int Depth { get; } = depth;

        public string? PendingKey { get; set; }

        public int Items { get; set; }

        public bool IsKey { get; init; }
    }
}
