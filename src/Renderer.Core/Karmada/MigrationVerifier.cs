using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Compares what each cluster gets from the KubeFed documents with what it gets from the migrated Karmada
/// documents. The only difference allowed is the <c>kubefed.io/managed</c> label KubeFed adds (and the empty
/// labels mapping it leaves behind); every other one is an error naming the cluster, the file and the field.
/// </summary>
public static class MigrationVerifier
{
    private const int ShownFields = 3;

    public static VerificationResult Compare(RenderPlan kubefed, RenderPlan karmada)
    {
        var diagnostics = new List<Diagnostic>();
        var left = kubefed.Clusters.ToDictionary(c => c.Cluster, StringComparer.Ordinal);
        var right = karmada.Clusters.ToDictionary(c => c.Cluster, StringComparer.Ordinal);
        var objects = 0;
        foreach (var cluster in left.Keys.Union(right.Keys).Order(StringComparer.Ordinal))
        {
            var a = left.TryGetValue(cluster, out var l) ? l.Objects.ToDictionary(o => o.RelativePath, o => Normalize(o.Object), StringComparer.Ordinal) : [];
            var b = right.TryGetValue(cluster, out var r) ? r.Objects.ToDictionary(o => o.RelativePath, o => Normalize(o.Object), StringComparer.Ordinal) : [];
            foreach (var path in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                objects++;
                var file = cluster + "/" + path;
                if (!b.TryGetValue(path, out var migrated))
                {
                    diagnostics.Add(MigrationDiagnostics.VerifyDifference(file, cluster, "KubeFed renders this object, Karmada does not"));
                }
                else if (!a.TryGetValue(path, out var original))
                {
                    diagnostics.Add(MigrationDiagnostics.VerifyDifference(file, cluster, "Karmada renders this object, KubeFed does not"));
                }
                else if (!JsonNode.DeepEquals(original, migrated))
                {
                    var fields = new List<string>();
                    Differences(original, migrated, string.Empty, fields);
                    var shown = string.Join("; ", fields.Take(ShownFields)) + (fields.Count > ShownFields ? $"; and {fields.Count - ShownFields} more" : string.Empty);
                    diagnostics.Add(MigrationDiagnostics.VerifyDifference(file, cluster, shown));
                }
            }
        }

        return new VerificationResult(diagnostics, left.Keys.Union(right.Keys).Count(), objects, diagnostics.Count);
    }

    /// <summary>The object without the managed label, and without a labels mapping that only held it.</summary>
    public static JsonObject Normalize(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata && metadata["labels"] is JsonObject labels)
        {
            labels.Remove(ObjectBuilder.ManagedLabel);
            if (labels.Count == 0) metadata.Remove("labels");
        }

        return copy;
    }

    private static void Differences(JsonNode? a, JsonNode? b, string pointer, List<string> found)
    {
        if (JsonNode.DeepEquals(a, b)) return;
        if (a is JsonObject x && b is JsonObject y)
        {
            foreach (var key in x.Select(p => p.Key).Union(y.Select(p => p.Key)).Order(StringComparer.Ordinal))
            {
                var child = Pointer.Append(pointer, key);
                if (!y.ContainsKey(key)) found.Add($"{child} only from KubeFed");
                else if (!x.ContainsKey(key)) found.Add($"{child} only from Karmada");
                else Differences(x[key], y[key], child, found);
            }

            return;
        }

        if (a is JsonArray p && b is JsonArray q && p.Count == q.Count)
        {
            for (var i = 0; i < p.Count; i++) Differences(p[i], q[i], Pointer.Append(pointer, i), found);
            return;
        }

        found.Add($"{(pointer.Length == 0 ? "/" : pointer)} is {Shorten(a)} from KubeFed, {Shorten(b)} from Karmada");
    }

    private static string Shorten(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
