using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Renderer.Cli.Diff;
using Renderer.Core.Diagnostics;
using Renderer.Core.Pipeline;
using Scriban;
using Scriban.Runtime;

namespace Renderer.Cli.Preview;

/// <summary>
/// Writes the preview as one self-contained HTML page (no network, works from file://): the matrix is HTML,
/// each cell's diff against the template and its overrides travel as JSON in the page and are shown on click
/// (the page rebuilds the cluster's YAML from the template and the diff, so a fleet page stays small).
/// </summary>
public static class PreviewWriter
{
    private const string NoLabel = "(no label)";

    public static string Html(Core.Pipeline.Preview preview, string? groupBy)
    {
        var clusters = preview.Clusters
            .Select(c => (Cluster: c, Group: groupBy is null ? "clusters" : c.Labels.TryGetValue(groupBy, out var value) ? value : NoLabel))
            .OrderBy(c => c.Group == NoLabel ? 1 : 0)
            .ThenBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Cluster.Name, StringComparer.Ordinal)
            .ToList();
        var order = clusters.Select(c => preview.Clusters.ToList().IndexOf(c.Cluster)).ToList();

        var reasons = new List<string>();
        var reasonIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Reason(string text)
        {
            if (!reasonIndex.TryGetValue(text, out var index))
            {
                index = reasons.Count;
                reasons.Add(text);
                reasonIndex[text] = index;
            }

            return index;
        }

        var rows = new List<ScriptObject>();
        var dataRows = new List<RowData>();
        string? previousNamespace = null;
        var diagnosedRows = preview.Diagnostics.Select(d => RowOf(preview.Rows, d.Location)).Where(r => r is not null).ToHashSet(StringComparer.Ordinal);
        for (var r = 0; r < preview.Rows.Count; r++)
        {
            var row = preview.Rows[r];
            var ns = row.Namespace ?? string.Empty;
            var cells = new List<ScriptObject>();
            var dataCells = new List<CellData>();
            for (var c = 0; c < order.Count; c++)
            {
                var cell = row.Cells[order[c]];
                var state = !cell.Placed ? "absent" : cell.Differs ? "differs" : "placed";
                var text = !cell.Placed ? "&#8211;" : cell.Replicas is { } replicas ? replicas.ToString(CultureInfo.InvariantCulture) : "&#10003;";
                cells.Add(Script(("index", c), ("state", state), ("text", text), ("differs", cell.Differs)));
                dataCells.Add(new CellData(
                    cell.Placed,
                    Reason(cell.Reason),
                    cell.ReasonLocation.IsNone ? null : cell.ReasonLocation.ToString(),
                    cell.Differs ? Diff(row.TemplateYaml, cell.Yaml) : null,
                    cell.Overrides.Count == 0 ? null : cell.Overrides.Select(o => new OverrideData(o.Op, o.Path, o.Location.ToString())).ToList()));
            }

            rows.Add(Script(
                ("index", r), ("id", row.Id), ("kind", row.Kind), ("name", row.Name), ("namespace", ns),
                ("namespace_start", ns != previousNamespace), ("source", row.Source.ToString()), ("diagnosed", diagnosedRows.Contains(row.Id)), ("cells", cells)));
            dataRows.Add(new RowData(row.Namespace is null ? $"{row.Kind}/{row.Name}" : $"{row.Kind}/{row.Namespace}/{row.Name}", row.TemplateYaml, dataCells));
            previousNamespace = ns;
        }

        var clusterLabels = clusters.Select(c => c.Cluster.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}").ToList()).ToList();
        var data = new PageData(clusters.Select(c => c.Cluster.Name).ToList(), clusterLabels, reasons, dataRows);
        var json = JsonSerializer.Serialize(data, PreviewJson.Default.PageData).Replace("</", "<\\/", StringComparison.Ordinal);

        var model = new ScriptObject
        {
            ["rows"] = rows,
            ["clusters"] = clusters.Select((c, i) => Script(("index", i), ("name", c.Cluster.Name), ("labels", string.Join(", ", clusterLabels[i])))).ToList(),
            ["groups"] = clusters.Select((c, i) => (c.Group, Index: i)).GroupBy(c => c.Group, StringComparer.Ordinal)
                .Select(g => Script(("name", g.Key), ("count", g.Count()), ("columns", string.Join(' ', g.Select(c => c.Index.ToString(CultureInfo.InvariantCulture)))))).ToList(),
            ["group_by"] = groupBy ?? string.Empty,
            ["placed"] = preview.Rows.Sum(r => r.Cells.Count(c => c.Placed)),
            ["differing"] = preview.Rows.Sum(r => r.Cells.Count(c => c.Differs)),
            ["namespaces"] = preview.Rows.Select(r => r.Namespace).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ["kinds"] = preview.Rows.Select(r => r.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ["labels"] = clusterLabels.SelectMany(l => l).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            ["diagnostics"] = preview.Diagnostics.Select(d => Script(
                ("severity", d.Severity.ToString().ToLowerInvariant()), ("code", d.Code), ("message", d.Message),
                ("location", d.Location.ToString()), ("row", RowOf(preview.Rows, d.Location) ?? string.Empty),
                ("column", clusters.FindIndex(c => c.Cluster.Name == d.Cluster) is var column and >= 0 ? column.ToString(CultureInfo.InvariantCulture) : string.Empty))).ToList(),
            ["data"] = json,
        };

        using var stream = typeof(PreviewWriter).Assembly.GetManifestResourceStream("templates/preview.html.scriban") ?? throw new InvalidOperationException("the preview template is missing from the build");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd());
        // No limits: a fleet page is many megabytes of output and 100,000 loop iterations.
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 0, LimitToString = 0 };
        context.PushGlobal(model);
        return template.Render(context);
    }

    /// <summary>The row whose document holds <paramref name="location"/>: same file, the last document starting at or before its line.</summary>
    private static string? RowOf(IReadOnlyList<PreviewRow> rows, SourceLocation location)
    {
        if (location.IsNone) return null;
        return rows.Where(r => r.Source.File == location.File && r.Source.Line <= location.Line)
            .OrderByDescending(r => r.Source.Line)
            .FirstOrDefault()?.Id;
    }

    private static string Diff(string template, string cluster) => UnifiedDiff.Create(template, cluster, "template", "cluster");

    private static ScriptObject Script(params (string Name, object? Value)[] members)
    {
        var script = new ScriptObject();
        foreach (var (name, value) in members) script[name] = value;
        return script;
    }

    internal sealed record PageData(
        [property: JsonPropertyName("clusters")] IReadOnlyList<string> Clusters,
        [property: JsonPropertyName("clusterLabels")] IReadOnlyList<List<string>> ClusterLabels,
        [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons,
        [property: JsonPropertyName("rows")] IReadOnlyList<RowData> Rows);

    internal sealed record RowData(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("template")] string Template,
        [property: JsonPropertyName("cells")] IReadOnlyList<CellData> Cells);

    internal sealed record CellData(
        [property: JsonPropertyName("placed")] bool Placed,
        [property: JsonPropertyName("reason")] int Reason,
        [property: JsonPropertyName("at")] string? At,
        [property: JsonPropertyName("diff")] string? Diff,
        [property: JsonPropertyName("overrides")] IReadOnlyList<OverrideData>? Overrides);

    internal sealed record OverrideData(
        [property: JsonPropertyName("op")] string Op,
        [property: JsonPropertyName("path")] string Path,
        [property: JsonPropertyName("at")] string At);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PreviewWriter.PageData))]
internal sealed partial class PreviewJson : JsonSerializerContext;
