using System.Text.Json.Nodes;
using Renderer.Core.Input;
using Renderer.Core.Patching;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Guesses the path a failing override meant: the same tail under a prefix that exists, e.g.
/// <c>/spec/jobTemplate/spec/template/spec/containers/0/env</c> for a CronJob override written relative to
/// the federated document.
/// </summary>
public static class PathSuggester
{
    public static string? Suggest(JsonNode? document, PatchOperation operation)
    {
        var segments = JsonPatch.Segments(operation.Path);
        if (segments is null || segments.Count < 2) return null;

        // For add and replace the parent must exist; for remove, the node itself.
        var mustExist = operation.Kind == PatchOperationKind.Remove ? segments.Count : segments.Count - 1;
        var existing = new List<(string Pointer, string[] Segments)>();
        Collect(document, string.Empty, [], existing);

        for (var length = mustExist - 1; length >= 2; length--)
        {
            var tail = segments.Skip(mustExist - length).Take(length).ToArray();
            foreach (var (pointer, path) in existing.OrderBy(e => e.Segments.Length).ThenBy(e => e.Pointer, StringComparer.Ordinal))
            {
                if (path.Length < tail.Length || !path.AsSpan(path.Length - tail.Length).SequenceEqual(tail)) continue;
                var candidate = pointer;
                for (var i = mustExist; i < segments.Count; i++) candidate = Pointer.Append(candidate, segments[i]);
                if (candidate != operation.Path) return candidate;
            }
        }

        return null;
    }

    private static void Collect(JsonNode? node, string pointer, string[] segments, List<(string, string[])> into)
    {
        into.Add((pointer, segments));
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) Collect(value, Pointer.Append(pointer, key), [.. segments, key], into);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Collect(array[i], Pointer.Append(pointer, i), [.. segments, i.ToString(System.Globalization.CultureInfo.InvariantCulture)], into);
                }

                break;
        }
    }
}
