using System.Text.Json.Nodes;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Secrets;

/// <summary>
/// Finds every Secret value of the inputs by where it sits, never by what it says: the scalars under
/// <c>data</c> and <c>stringData</c> of anything that renders as a v1 Secret (see <see cref="SecretKinds"/>).
/// Loaded documents are read from their JSON and position map; files that failed to load are scanned
/// (<see cref="ScalarScanner"/>) so that a document dropped for a duplicate key or a syntax error is
/// covered too. A scanned document whose kind could not be read is treated as a Secret.
/// </summary>
public static class SecretFinder
{
    public static SecretMap Find(IEnumerable<SourceDocument> documents, IEnumerable<SourceFile> broken, IEnumerable<TypeConfig> typeConfigs)
    {
        var kinds = SecretKinds.FederatedKinds(typeConfigs);
        var values = new List<SecretValue>();
        var starts = new List<(string File, int Line)>();
        foreach (var document in documents)
        {
            starts.Add((document.File, document.Start.Line));
            if (document.Root is not JsonObject root) continue;
            var range = new Range(document.Start.Line, int.MaxValue);
            var kind = JsonKinds.IsString(root["kind"], out var k) ? k : null;
            var apiVersion = JsonKinds.IsString(root["apiVersion"], out var a) ? a : null;
            if (SecretKinds.IsPlainSecret(apiVersion, kind))
            {
                Collect(document, range, root["data"], "/data", values);
                Collect(document, range, root["stringData"], "/stringData", values);
            }
            else if (kind is not null && kinds.Contains(kind))
            {
                var template = root["spec"].Get("template");
                Collect(document, range, template.Get("data"), "/spec/template/data", values);
                Collect(document, range, template.Get("stringData"), "/spec/template/stringData", values);
                var overrides = root["spec"].Get("overrides") as JsonArray ?? [];
                for (var i = 0; i < overrides.Count; i++)
                {
                    var operations = overrides[i].Get("clusterOverrides") as JsonArray ?? [];
                    for (var j = 0; j < operations.Count; j++)
                    {
                        Collect(document, range, operations[j].Get("value"), $"/spec/overrides/{i}/clusterOverrides/{j}/value", values);
                    }
                }
            }
        }

        foreach (var file in broken)
        {
            foreach (var scanned in ScalarScanner.Scan(file, SecretKinds.IsAnyValue))
            {
                starts.Add((scanned.File, scanned.FirstLine));
                var range = new Range(scanned.FirstLine, int.MaxValue);
                var plain = scanned.Kind is null || SecretKinds.IsPlainSecret(scanned.ApiVersion, scanned.Kind);
                var federated = scanned.Kind is null || kinds.Contains(scanned.Kind);
                foreach (var scalar in scanned.Scalars)
                {
                    if ((plain && SecretKinds.IsPlainValue(scalar.Pointer)) || (federated && SecretKinds.IsFederatedValue(scalar.Pointer)))
                    {
                        values.Add(new SecretValue(scalar.Text, scalar.Start, scalar.End, range.First, range.End));
                        // As Kubernetes would read it, too: a diagnostic may quote both forms (1_000 and 1000).
                        if (ScalarResolver.Resolve(scalar.Text) is { Kind: not ScalarKind.String, Node: { } read } && read.ToJsonString() != scalar.Text)
                        {
                            values.Add(new SecretValue(read.ToJsonString(), scalar.Start, scalar.End, range.First, range.End));
                        }
                    }
                }
            }
        }

        return new SecretMap(Bounded(values, starts));
    }

    private readonly record struct Range(int First, int End);

    /// <summary>Each value's document ends where the next document of its file starts.</summary>
    private static IEnumerable<SecretValue> Bounded(List<SecretValue> values, List<(string File, int Line)> starts)
    {
        if (values.Count == 0) return values;
        var byFile = starts.ToLookup(s => s.File, s => s.Line, StringComparer.Ordinal);
        return values.Select(v =>
        {
            var next = byFile[v.Start.File].Where(line => line > v.DocumentFirstLine).DefaultIfEmpty(int.MaxValue).Min();
            return v with { DocumentEndLine = next };
        }).ToList();
    }

    private static void Collect(SourceDocument document, Range range, JsonNode? node, string pointer, List<SecretValue> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) Collect(document, range, value, Pointer.Append(pointer, key), values);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Collect(document, range, array[i], Pointer.Append(pointer, i), values);
                break;
            case JsonValue value:
                var at = document.At(pointer);
                var text = JsonKinds.IsString(value, out var s) ? s : value.ToJsonString();
                values.Add(new SecretValue(text, at, at, range.First, range.End));
                break;
        }
    }
}
