using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Output;
using Renderer.Core.Patching;

namespace Renderer.Core.Karmada;

/// <summary>
/// Applies one override rule's overriders to one cluster's object, in Karmada's order (image, command, args,
/// labels, annotations, field, then all plaintext operations as one JSON patch). Patches follow RFC 6902 as
/// Karmada's json-patch v5 does: replace and remove need an existing value. Every overrider that leaves the
/// object as it was is reported; a failing one fails the object on that cluster (returns false).
/// </summary>
public static class OverriderApplier
{
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Where Karmada finds the containers of a kind (by kind alone, as it does), or null for kinds it ignores.</summary>
    public static string? ContainersPath(string kind) => kind switch
    {
        "Pod" => "/spec/containers",
        "ReplicaSet" or "Deployment" or "DaemonSet" or "StatefulSet" or "Job" => "/spec/template/spec/containers",
        _ => null,
    };

    public static bool Apply(JsonObject obj, FederatedResource template, OverridePolicy policy, OverrideRule rule, string cluster, List<Diagnostic> diagnostics)
    {
        var document = policy.Document;
        var plaintext = new List<Overrider>();
        foreach (var overrider in rule.Overriders)
        {
            var at = document.At(overrider.Pointer);
            var ok = overrider.Kind switch
            {
                OverriderKind.Image => Image(obj, template, overrider, cluster, at, diagnostics),
                OverriderKind.Command or OverriderKind.Args => CommandArgs(obj, template, overrider, cluster, at, diagnostics),
                OverriderKind.Labels or OverriderKind.Annotations => LabelsAnnotations(obj, template, overrider, cluster, at, diagnostics),
                OverriderKind.Field => Field(obj, overrider, cluster, document, diagnostics),
                _ => true,
            };
            if (!ok) return false;
            if (overrider.Kind == OverriderKind.Plaintext) plaintext.Add(overrider);
        }

        return plaintext.Count == 0 || Patch(obj, plaintext, cluster, document, diagnostics);
    }

    private static bool Image(JsonObject obj, FederatedResource template, Overrider overrider, string cluster, SourceLocation at, List<Diagnostic> diagnostics)
    {
        var paths = new List<string>();
        if (overrider.PredicatePath is { } predicate)
        {
            paths.Add(predicate);
        }
        else if (ContainersPath(template.Target.Kind) is { } containers)
        {
            var list = obj.At(containers) as JsonArray;
            for (var i = 0; list is not null && i < list.Count; i++) paths.Add(Pointer.Append(containers + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "image"));
        }
        else
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.KindIgnored(at, "imageOverrider", template.Target.Kind, template.DisplayName, "give it a predicate path to the image, or use plaintext"));
            return true;
        }

        var changed = false;
        foreach (var path in paths)
        {
            if (!JsonKinds.IsString(obj.At(path), out var image))
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.PatchFailed(at, cluster, "imageOverrider", path, "there is no image (a string) at this path"));
                return false;
            }

            if (ImageReference.Parse(image, out var problem) is not { } reference)
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.InvalidImage(at, cluster, image, problem));
                return false;
            }

            if (reference.DroppedDigest) diagnostics.Add(KarmadaOverrideDiagnostics.DigestDropped(at, cluster, image));
            var value = JsonKinds.IsString(overrider.Value, out var v) ? v : string.Empty;
            var updated = (overrider.Component, overrider.Operator) switch
            {
                ("Registry", "add") => reference with { Registry = reference.Registry + value },
                ("Registry", "replace") => reference with { Registry = value },
                ("Registry", _) => reference with { Registry = string.Empty },
                ("Repository", "add") => reference with { Repository = reference.Repository + value },
                ("Repository", "replace") => reference with { Repository = value },
                ("Repository", _) => reference with { Repository = string.Empty },
                (_, "add") => reference.WithTagOrDigest(reference.TagOrDigest + value),
                (_, "replace") => reference.WithTagOrDigest(value),
                _ => reference.WithoutTagOrDigest(),
            };
            var text = updated.ToString();
            if (text == image) continue;
            SetAt(obj, path, JsonValue.Create(text));
            changed = true;
        }

        if (!changed) diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(at, cluster, $"imageOverrider {overrider.Operator} of the {overrider.Component} \"{(JsonKinds.IsString(overrider.Value, out var shown) ? shown : string.Empty)}\" of {template.DisplayName}"));
        return true;
    }

    private static bool CommandArgs(JsonObject obj, FederatedResource template, Overrider overrider, string cluster, SourceLocation at, List<Diagnostic> diagnostics)
    {
        var field = overrider.Kind == OverriderKind.Command ? "command" : "args";
        var name = overrider.FieldName;
        if (ContainersPath(template.Target.Kind) is not { } containers)
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.KindIgnored(at, name, template.Target.Kind, template.DisplayName, $"use plaintext on the {field} of the container instead"));
            return true;
        }

        var list = obj.At(containers) as JsonArray ?? [];
        var found = false;
        var changed = false;
        foreach (var container in list.OfType<JsonObject>())
        {
            if (!JsonKinds.IsString(container["name"], out var containerName) || containerName != overrider.ContainerName) continue;
            found = true;
            var current = container[field] is JsonArray existing ? existing.Select(n => JsonKinds.IsString(n, out var s) ? s : n?.ToJsonString() ?? string.Empty).ToList() : [];
            var next = overrider.Operator == "add" ? current.Concat(overrider.Values).ToList() : current.Where(c => !overrider.Values.Contains(c, StringComparer.Ordinal)).ToList();
            var had = container.ContainsKey(field) && container[field] is not null;
            if (had && next.SequenceEqual(current, StringComparer.Ordinal)) continue;
            container[field] = new JsonArray(next.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
            changed |= !had || !next.SequenceEqual(current, StringComparer.Ordinal);
        }

        if (!found)
        {
            var known = string.Join(", ", list.OfType<JsonObject>().Select(c => JsonKinds.IsString(c["name"], out var n) ? n : "?"));
            diagnostics.Add(KarmadaOverrideDiagnostics.UnknownContainer(at, cluster, name, overrider.ContainerName, template.DisplayName, known.Length == 0 ? "none" : known));
        }
        else if (!changed)
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(at, cluster, $"{name} {overrider.Operator} [{string.Join(", ", overrider.Values)}] for container \"{overrider.ContainerName}\" of {template.DisplayName}"));
        }

        return true;
    }

    private static bool LabelsAnnotations(JsonObject obj, FederatedResource template, Overrider overrider, string cluster, SourceLocation at, List<Diagnostic> diagnostics)
    {
        var field = overrider.Kind == OverriderKind.Labels ? "labels" : "annotations";
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }

        var map = metadata[field] as JsonObject;
        var changed = false;
        foreach (var (key, value) in overrider.Entries)
        {
            var exists = map is not null && map.ContainsKey(key);
            if (overrider.Operator is "remove" or "replace" && !exists)
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.MissingKey(at, cluster, overrider.FieldName, overrider.Operator, key, template.DisplayName));
                continue;
            }

            if (map is null)
            {
                map = new JsonObject();
                metadata[field] = map;
            }

            if (overrider.Operator == "remove")
            {
                map.Remove(key);
                changed = true;
                continue;
            }

            if (exists && JsonKinds.IsString(map[key], out var current) && current == value) continue;
            map[key] = value;
            changed = true;
        }

        if (!changed && overrider.Entries.Count > 0 && overrider.Operator == "add")
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(at, cluster, $"{overrider.FieldName} add of values {template.DisplayName} already has"));
        }
        else if (!changed && overrider.Entries.Count > 0 && overrider.Operator == "replace" && overrider.Entries.All(e => map?.ContainsKey(e.Key) == true))
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(at, cluster, $"{overrider.FieldName} replace with values {template.DisplayName} already has"));
        }

        return true;
    }

    private static bool Field(JsonObject obj, Overrider overrider, string cluster, SourceDocument document, List<Diagnostic> diagnostics)
    {
        var at = document.At(overrider.Pointer + "/fieldPath");
        if (!JsonKinds.IsString(obj.At(overrider.FieldPath), out var text))
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.FieldNotParsable(at, cluster, overrider.FieldPath, "there is no string at this path"));
            return false;
        }

        JsonNode? parsed;
        if (overrider.Yaml)
        {
            var (loaded, problems) = YamlLoader.Load(SourceFile.FromText(document.File, text));
            if (problems.Any(p => p.IsError) || loaded.Count != 1)
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.FieldNotParsable(at, cluster, overrider.FieldPath, "its value is not one YAML document"));
                return false;
            }

            parsed = loaded[0].Root;
        }
        else
        {
            try
            {
                parsed = JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                diagnostics.Add(KarmadaOverrideDiagnostics.FieldNotParsable(at, cluster, overrider.FieldPath, "its value is not JSON"));
                return false;
            }
        }

        var operations = overrider.SubPatches.Select(p => new PatchOperation(PatchOperation.ParseKind(p.Operator) ?? PatchOperationKind.Replace, p.Path, p.Value)).ToList();
        var result = JsonPatch.ApplyInPlace(parsed, operations);
        if (Failed(result, overrider.SubPatches, cluster, document, diagnostics)) return false;
        foreach (var notice in result.Unchanged)
        {
            var patch = overrider.SubPatches[notice.Index];
            diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(document.At(patch.Pointer), cluster, $"fieldOverrider {patch.Operator} \"{patch.Path}\" in {overrider.FieldPath}"));
        }

        var written = overrider.Yaml ? YamlEmitter.Emit(SortKeys(result.Document)) : result.Document?.ToJsonString(CompactJson) ?? "null";
        SetAt(obj, overrider.FieldPath, JsonValue.Create(written));
        return true;
    }

    private static bool Patch(JsonObject obj, List<Overrider> plaintext, string cluster, SourceDocument document, List<Diagnostic> diagnostics)
    {
        var operations = plaintext.Select(p => new PatchOperation(PatchOperation.ParseKind(p.Operator) ?? PatchOperationKind.Replace, p.Path, p.Value)).ToList();
        var copy = obj.DeepClone();
        var result = JsonPatch.ApplyInPlace(copy, operations);
        if (Failed(result, plaintext, cluster, document, diagnostics)) return false;
        foreach (var notice in result.Unchanged)
        {
            var item = plaintext[notice.Index];
            diagnostics.Add(KarmadaOverrideDiagnostics.ChangesNothing(document.At(item.Pointer + "/path"), cluster, $"plaintext {item.Operator} \"{item.Path}\""));
        }

        if (result.Document is not JsonObject patched)
        {
            diagnostics.Add(KarmadaOverrideDiagnostics.PatchFailed(document.At(plaintext[0].Pointer + "/path"), cluster, plaintext[0].Operator, plaintext[0].Path, "the object would no longer be a mapping"));
            return false;
        }

        obj.Clear();
        foreach (var (key, value) in patched.ToList())
        {
            patched.Remove(key);
            obj[key] = value;
        }

        return true;
    }

    /// <summary>Reports a failed patch, or a replace that had to add a key (json-patch v5 refuses it), at the operation's line.</summary>
    private static bool Failed(PatchResult result, IReadOnlyList<Overrider> source, string cluster, SourceDocument document, List<Diagnostic> diagnostics)
    {
        if (result.Failure is { } failure)
        {
            var item = source[failure.Index];
            diagnostics.Add(KarmadaOverrideDiagnostics.PatchFailed(document.At(item.Pointer), cluster, item.Operator, item.Path, failure.Reason));
            return true;
        }

        if (result.ReplacesThatAdded.Count > 0)
        {
            var item = source[result.ReplacesThatAdded[0].Index];
            diagnostics.Add(KarmadaOverrideDiagnostics.PatchFailed(document.At(item.Pointer), cluster, item.Operator, item.Path, "there is no value to replace"));
            return true;
        }

        return false;
    }

    /// <summary>Sets the value at an existing pointer (its parent exists: the value was just read there).</summary>
    private static void SetAt(JsonObject obj, string path, JsonNode? value)
    {
        var slash = path.LastIndexOf('/');
        var parent = obj.At(path[..slash]);
        var key = Pointer.Unescape(path[(slash + 1)..]);
        if (parent is JsonObject map) map[key] = value;
        else if (parent is JsonArray list && int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < list.Count) list[index] = value;
    }

    /// <summary>A copy with mapping keys sorted, as sigs.k8s.io/yaml writes YAML back.</summary>
    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, SortKeys(p.Value)))),
        JsonArray list => new JsonArray(list.Select(SortKeys).ToArray()),
        _ => node?.DeepClone(),
    };
}
