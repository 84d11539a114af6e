using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>
/// Splits list documents into their items, as kubectl's resource builder flattens them before it sends
/// anything: a <c>v1 List</c>, or any kind named <c>*List</c> (ConfigMapList, FederatedSecretList) whose
/// <c>items</c> is a list. Each item becomes a document of its own that keeps the line and column where it
/// is written, so every later diagnostic points into the list. Lists inside lists are flattened too.
/// </summary>
public static class ListUnwrapper
{
    private const int MaxNesting = 16;

    public static List<SourceDocument> Unwrap(IReadOnlyList<SourceDocument> documents, List<Diagnostic> diagnostics)
    {
        var result = new List<SourceDocument>(documents.Count);
        foreach (var document in documents) Add(document, result, diagnostics, 0);
        return result;
    }

    /// <summary>Whether a document is a list kubectl would split: kind List, or a kind ending in List with an items list.</summary>
    public static bool IsList(JsonNode? root, out JsonArray? items)
    {
        items = root.Get("items") as JsonArray;
        if (!JsonKinds.IsString(root.Get("kind"), out var kind) || !JsonKinds.IsString(root.Get("apiVersion"), out _)) return false;
        return kind == "List" || kind.EndsWith("List", StringComparison.Ordinal) && kind.Length > "List".Length && items is not null;
    }

    private static void Add(SourceDocument document, List<SourceDocument> result, List<Diagnostic> diagnostics, int depth)
    {
        if (depth > MaxNesting || !IsList(document.Root, out var items))
        {
            result.Add(document);
            return;
        }

        var kind = JsonKinds.IsString(document.Root.Get("kind"), out var k) ? k : "List";
        if (items is null)
        {
            var present = document.Root.Get("items");
            diagnostics.Add(DocumentDiagnostics.ListWithoutItems(document.At(present is null ? string.Empty : "/items"), kind, JsonKinds.Describe(present)));
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var prefix = Pointer.Append("/items", i);
            if (items[i] is not JsonObject item)
            {
                diagnostics.Add(DocumentDiagnostics.ListItemNotAMapping(document.At(prefix), kind, i, JsonKinds.Describe(items[i])));
                continue;
            }

            Add(new SourceDocument(document.File, document.Index, item.DeepClone(), document.Positions.Below(prefix, document.At(prefix))), result, diagnostics, depth + 1);
        }
    }

}
