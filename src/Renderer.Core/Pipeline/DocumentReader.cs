using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Core.Pipeline;

/// <summary>Typed access to the fields of one document that reports every mismatch at its line.</summary>
internal sealed class DocumentReader(SourceDocument document, List<Diagnostic> diagnostics)
{
    public SourceDocument Document => document;

    public bool Failed { get; private set; }

    public void Report(Diagnostic diagnostic)
    {
        if (diagnostic.IsError) Failed = true;
        diagnostics.Add(diagnostic);
    }

    /// <summary>The node at <paramref name="pointer"/>/<paramref name="key"/> of an object, or null when absent.</summary>
    /// <summary>
    /// A reader over a document that is a mapping with a string apiVersion and kind; null (with the problem
    /// reported) otherwise, and for an empty document.
    /// </summary>
    public static (DocumentReader Reader, JsonObject Root, string ApiVersion, string Kind)? Open(SourceDocument document, List<Diagnostic> diagnostics)
    {
        if (document.Root is null) return null;
        var reader = new DocumentReader(document, diagnostics);
        if (document.Root is not JsonObject root)
        {
            reader.Report(DocumentDiagnostics.NotAMapping(document.Start));
            return null;
        }

        var apiVersion = reader.RequiredString(root, string.Empty, "apiVersion", "apiVersion", "The document");
        var kind = reader.RequiredString(root, string.Empty, "kind", "kind", "The document");
        return apiVersion is null || kind is null ? null : (reader, root, apiVersion, kind);
    }

    public static JsonNode? Child(JsonObject? parent, string key) =>
        parent is not null && parent.TryGetPropertyValue(key, out var node) ? node : null;

    public JsonObject? Object(JsonObject? parent, string pointer, string key, string field)
    {
        var node = Child(parent, key);
        if (node is null or JsonObject) return node as JsonObject;
        Report(DocumentDiagnostics.WrongType(document.At(Pointer.Append(pointer, key)), field, "a mapping", JsonKinds.Describe(node)));
        return null;
    }

    public JsonArray? Array(JsonObject? parent, string pointer, string key, string field)
    {
        var node = Child(parent, key);
        if (node is null or JsonArray) return node as JsonArray;
        Report(DocumentDiagnostics.WrongType(document.At(Pointer.Append(pointer, key)), field, "a list", JsonKinds.Describe(node)));
        return null;
    }

    public string? String(JsonObject? parent, string pointer, string key, string field)
    {
        var node = Child(parent, key);
        if (node is null) return null;
        if (JsonKinds.IsString(node, out var value)) return value;
        Report(DocumentDiagnostics.WrongType(document.At(Pointer.Append(pointer, key)), field, "a string (quote it)", JsonKinds.Describe(node)));
        return null;
    }

    public string? RequiredString(JsonObject? parent, string pointer, string key, string field, string documentKind)
    {
        var value = String(parent, pointer, key, field);
        if (value is null && Child(parent, key) is null)
        {
            Report(DocumentDiagnostics.MissingField(document.At(pointer), field, documentKind));
        }

        return value;
    }

    public bool? Boolean(JsonObject? parent, string pointer, string key, string field)
    {
        var node = Child(parent, key);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False) return v.GetValue<bool>();
        Report(DocumentDiagnostics.WrongType(document.At(Pointer.Append(pointer, key)), field, "true or false", JsonKinds.Describe(node)));
        return null;
    }

    /// <summary>An integer field; a number with a fraction or a string is reported.</summary>
    public long? Integer(JsonObject? parent, string pointer, string key, string field)
    {
        var node = Child(parent, key);
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<long>(out var value)) return value;
        if (node is JsonValue d && d.TryGetValue<double>(out var number) && Math.Floor(number) == number && Math.Abs(number) < 9e15) return (long)number;
        Report(DocumentDiagnostics.WrongType(document.At(Pointer.Append(pointer, key)), field, "an integer", JsonKinds.Describe(node)));
        return null;
    }

    /// <summary>A map of string to string (labels, matchLabels); non-string values are reported.</summary>
    public IReadOnlyList<(string Key, string Value, string Pointer)> StringMap(JsonObject? parent, string pointer, string key, string field)
    {
        var map = Object(parent, pointer, key, field);
        var result = new List<(string, string, string)>();
        if (map is null) return result;
        var mapPointer = Pointer.Append(pointer, key);
        foreach (var (k, v) in map)
        {
            var itemPointer = Pointer.Append(mapPointer, k);
            if (JsonKinds.IsString(v, out var s))
            {
                result.Add((k, s, itemPointer));
            }
            else
            {
                Report(DocumentDiagnostics.WrongType(document.At(itemPointer), $"{field}.{k}", "a string (quote it)", JsonKinds.Describe(v)));
            }
        }

        return result;
    }
}
