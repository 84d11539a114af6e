using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Renderer.Core.Input;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// Keeps Secret values out of every diagnostic: in a diagnostic located inside a Secret or FederatedSecret
/// document, each value of its <c>data</c> and <c>stringData</c> (and each override value) is replaced by
/// <c>&lt;redacted&gt;</c>, quoted or bare.
/// </summary>
public static partial class SecretRedactor
{
    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    public const string Mask = "<redacted>";

    public static IReadOnlyList<Diagnostic> Redact(IReadOnlyList<SourceDocument> documents, IReadOnlyList<Diagnostic> diagnostics)
    {
        var secrets = SecretRanges(documents);
        if (secrets.Count == 0) return diagnostics;
        return diagnostics.Select(d =>
        {
            var inside = secrets.Where(s => s.File == d.Location.File && d.Location.Line >= s.FirstLine && d.Location.Line < s.EndLine).ToList();
            if (inside.Count == 0) return d;
            var values = inside.SelectMany(s => s.Values).ToList();
            var message = d.Message;

            // A diagnostic about a secret value itself (wrong type, YAML 1.1 reading) loses every quoted text.
            if (inside.Any(s => s.ValueLines.Contains(d.Location.Line))) message = Quoted().Replace(message, "\"" + Mask + "\"");
            foreach (var value in values.OrderByDescending(v => v.Length))
            {
                message = message.Replace("\"" + value + "\"", "\"" + Mask + "\"", StringComparison.Ordinal);
                if (value.Length >= 4) message = message.Replace(value, Mask, StringComparison.Ordinal);
            }

            return d with { Message = message };
        }).ToList();
    }

    private sealed record SecretRange(string File, int FirstLine, int EndLine, IReadOnlyList<string> Values, IReadOnlySet<int> ValueLines);

    private static List<SecretRange> SecretRanges(IReadOnlyList<SourceDocument> documents)
    {
        var ranges = new List<SecretRange>();
        foreach (var group in documents.GroupBy(d => d.File, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(d => d.Start.Line).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var root = ordered[i].Root;
                var kind = JsonKinds.IsString(root.Get("kind"), out var k) ? k : string.Empty;
                if (kind is not ("Secret" or "FederatedSecret")) continue;
                var values = new List<string>();
                var body = kind == "Secret" ? root : root.Get("spec").Get("template");
                Collect(body.Get("data"), values);
                Collect(body.Get("stringData"), values);
                foreach (var entry in root.Get("spec").Get("overrides") as JsonArray ?? [])
                {
                    foreach (var op in entry.Get("clusterOverrides") as JsonArray ?? []) Collect(op.Get("value"), values);
                }

                var end = i + 1 < ordered.Count ? ordered[i + 1].Start.Line : int.MaxValue;
                var prefixes = kind == "Secret" ? new[] { "/data/", "/stringData/" } : ["/spec/template/data/", "/spec/template/stringData/", "/spec/overrides/"];
                var lines = ordered[i].Positions.Entries
                    .Where(e => prefixes.Any(p => e.Key.StartsWith(p, StringComparison.Ordinal)) && (kind == "Secret" || !e.Key.StartsWith("/spec/overrides/", StringComparison.Ordinal) || e.Key.Contains("/value", StringComparison.Ordinal)))
                    .Select(e => e.Value.Value.Line)
                    .ToHashSet();
                ranges.Add(new SecretRange(group.Key, ordered[i].Start.Line, end, values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList(), lines));
            }
        }

        return ranges;
    }

    private static void Collect(JsonNode? node, List<string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj) Collect(value, values);
                break;
            case JsonArray array:
                foreach (var item in array) Collect(item, values);
                break;
            case JsonValue value:
                values.Add(JsonKinds.IsString(value, out var text) ? text : value.ToJsonString());
                break;
        }
    }
}
