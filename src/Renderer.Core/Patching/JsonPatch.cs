using System.Globalization;
using System.Text.Json.Nodes;
using Json.Pointer;

namespace Renderer.Core.Patching;

/// <summary>
/// The json-patch engine KubeFed used (evanphx/json-patch v4 semantics, rules 24-31), for add, remove and
/// replace, over System.Text.Json nodes. Paths are parsed with JsonPointer.Net. Objects are patched in
/// place, so the key order of the template survives; a patch applies all or nothing.
/// </summary>
public static class JsonPatch
{
    /// <summary>Applies <paramref name="operations"/> to a copy of <paramref name="document"/>; the input is never changed.</summary>
    public static PatchResult Apply(JsonNode? document, IReadOnlyList<PatchOperation> operations)
    {
        var copy = document?.DeepClone();
        var result = ApplyInPlace(copy, operations);
        return result.Succeeded ? result : result with { Document = document };
    }

    /// <summary>
    /// Applies <paramref name="operations"/> to <paramref name="document"/> itself. On failure the document may be
    /// partly patched and must be thrown away; the result's Document is then null.
    /// </summary>
    public static PatchResult ApplyInPlace(JsonNode? document, IReadOnlyList<PatchOperation> operations)
    {
        var notices = new List<PatchNotice>();
        var unchanged = new List<PatchNotice>();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            if (operation.Kind != PatchOperationKind.Remove && IsSameValue(document, operation)) unchanged.Add(new PatchNotice(i, operation));
            var reason = ApplyOne(ref document, operation, out var addedKey);
            if (reason is not null)
            {
                return new PatchResult(null, new PatchFailure(i, operation, reason, ExistingPrefix(document, operation.Path)), notices) { Unchanged = unchanged };
            }

            if (addedKey) notices.Add(new PatchNotice(i, operation));
        }

        return new PatchResult(document, null, notices) { Unchanged = unchanged };
    }

    /// <summary>Whether an add or replace of a mapping key (or replace of a list item) would leave the value as it is.</summary>
    private static bool IsSameValue(JsonNode? document, PatchOperation operation)
    {
        var segments = Segments(operation.Path);
        if (segments is null || segments.Count == 0) return false;
        var container = FindContainer(document, segments);
        return container switch
        {
            JsonObject obj => obj.TryGetPropertyValue(segments[^1], out var current) && JsonNode.DeepEquals(current, operation.Value),
            JsonArray when operation.Kind == PatchOperationKind.Replace => Child(container, segments[^1]) is { } item && JsonNode.DeepEquals(item, operation.Value),
            _ => false,
        };
    }

    /// <summary>Splits a path into unescaped segments; null when it is not a JSON pointer.</summary>
    public static IReadOnlyList<string>? Segments(string path)
    {
        if (path.Length == 0) return [];
        if (path[0] != '/' || !JsonPointer.TryParse(path, out var pointer)) return null;
        var segments = new string[pointer.SegmentCount];
        for (var i = 0; i < segments.Length; i++) segments[i] = Input.Pointer.Unescape(pointer[i].ToString());
        return segments;
    }

    /// <summary>Why a path is not a JSON pointer: a bad escape is named, since it is the usual cause.</summary>
    public static string NotAPointer(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] != '~' || i + 1 < path.Length && path[i + 1] is '0' or '1') continue;
            var escape = i + 1 < path.Length ? path.Substring(i, 2) : "~";
            return $"\"{path}\" has the escape \"{escape}\" at character {i + 1}, and a JSON pointer knows only ~0 (for ~) and ~1 (for / inside a key)";
        }

        return $"\"{path}\" is not a JSON pointer (it must start with '/')";
    }

    private static string? ApplyOne(ref JsonNode? document, PatchOperation operation, out bool addedKey)
    {
        addedKey = false;
        var segments = Segments(operation.Path);
        if (segments is null) return NotAPointer(operation.Path);
        if (segments.Count == 0)
        {
            if (operation.Kind != PatchOperationKind.Replace) return $"{operation.OpName} cannot apply to the whole document (path \"\")";
            document = operation.Value?.DeepClone();
            return null;
        }

        var container = FindContainer(document, segments);
        if (container is null) return "a parent of the path does not exist (parents are never created)";
        var key = segments[^1];
        var value = operation.Value?.DeepClone();
        return container switch
        {
            JsonObject obj => ApplyToObject(obj, key, operation.Kind, value, out addedKey),
            JsonArray array => ApplyToArray(array, key, operation.Kind, value),
            _ => "the parent of the path is not a mapping or a list",
        };
    }

    private static string? ApplyToObject(JsonObject obj, string key, PatchOperationKind kind, JsonNode? value, out bool addedKey)
    {
        addedKey = false;
        switch (kind)
        {
            case PatchOperationKind.Add:
                obj[key] = value;
                return null;
            case PatchOperationKind.Replace:
                addedKey = !obj.ContainsKey(key);
                obj[key] = value;
                return null;
            default:
                return obj.Remove(key) ? null : $"there is no key \"{key}\" to remove";
        }
    }

    private static string? ApplyToArray(JsonArray array, string key, PatchOperationKind kind, JsonNode? value)
    {
        if (kind == PatchOperationKind.Add && key == "-")
        {
            array.Add(value);
            return null;
        }

        if (key == "-") return "\"-\" (append) works only with op: add";
        if (!TryIndex(key, out var index)) return $"\"{key}\" is not an index into a list of {array.Count}";
        var count = array.Count;
        if (kind == PatchOperationKind.Add)
        {
            var size = count + 1;
            if (index >= size || index < -size) return $"index {key} is outside a list of {count} (add takes -{size} to {count}, or -)";
            if (index < 0) index += size;
            array.Insert(index, value);
            return null;
        }

        if (index < -count || index >= count) return $"index {key} is outside a list of {count}";
        if (index < 0) index += count;
        if (kind == PatchOperationKind.Replace)
        {
            array[index] = value;
        }
        else
        {
            array.RemoveAt(index);
        }

        return null;
    }

    private static bool TryIndex(string key, out int index) =>
        int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out index);

    /// <summary>The node that holds the last segment: every segment before it must exist and be a container.</summary>
    private static JsonNode? FindContainer(JsonNode? document, IReadOnlyList<string> segments)
    {
        var current = document;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            current = Child(current, segments[i]);
            if (current is null) return null;
        }

        return current is JsonObject or JsonArray ? current : null;
    }

    private static JsonNode? Child(JsonNode? node, string segment)
    {
        switch (node)
        {
            case JsonObject obj:
                return obj.TryGetPropertyValue(segment, out var child) ? child : null;
            case JsonArray array:
                if (!TryIndex(segment, out var index)) return null;
                if (index < 0) index += array.Count;
                return index >= 0 && index < array.Count ? array[index] : null;
            default:
                return null;
        }
    }

    /// <summary>The longest prefix of <paramref name="path"/> that exists in <paramref name="document"/>.</summary>
    public static string ExistingPrefix(JsonNode? document, string path)
    {
        var segments = Segments(path);
        if (segments is null) return string.Empty;
        var current = document;
        var prefix = string.Empty;
        foreach (var segment in segments)
        {
            var next = Child(current, segment);
            if (next is null && !(current is JsonObject o && o.ContainsKey(segment))) break;
            prefix += "/" + Input.Pointer.Escape(segment);
            current = next;
        }

        return prefix;
    }
}
