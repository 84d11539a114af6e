using System.Reflection;
using Scriban;

namespace Renderer.Cli.Diff;

/// <summary>Writes the changes as coloured unified diffs for a terminal, plain for a file, or as a Markdown pull-request comment.</summary>
public static class DiffWriter
{
    public static void Text(TextWriter writer, IReadOnlyList<FileChange> changes, bool colour)
    {
        foreach (var cluster in changes.GroupBy(c => c.Cluster, StringComparer.Ordinal))
        {
            writer.Write($"{cluster.Key}: {Count(cluster, "added")} added, {Count(cluster, "removed")} removed, {Count(cluster, "changed")} changed\n");
            foreach (var change in cluster)
            {
                foreach (var line in change.Diff.Split('\n'))
                {
                    if (line.Length == 0) continue;
                    var code = !colour ? null : line.StartsWith("+++", StringComparison.Ordinal) || line.StartsWith("---", StringComparison.Ordinal) ? "1" : line[0] switch { '+' => "32", '-' => "31", '@' => "36", _ => null };
                    writer.Write(code is null ? line + "\n" : $"\u001b[{code}m{line}\u001b[0m\n");
                }
            }
        }
    }

    /// <summary>A pull-request comment: a per-cluster summary table, then one collapsible diff per file.</summary>
    public static void Markdown(TextWriter writer, IReadOnlyList<FileChange> changes)
    {
        using var stream = typeof(DiffWriter).Assembly.GetManifestResourceStream("templates/diff.md.scriban") ?? throw new InvalidOperationException("the diff template is missing from the build");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd());
        var model = new
        {
            total = changes.Count,
            clusters = changes.GroupBy(c => c.Cluster, StringComparer.Ordinal).Select(g => new
            {
                name = g.Key,
                added = Count(g, "added"),
                removed = Count(g, "removed"),
                changed = Count(g, "changed"),
                files = g.Select(c => new { path = c.Path, kind = c.Kind, diff = c.Diff }).ToList(),
            }).ToList(),
        };
        writer.Write(template.Render(model, member => member.Name));
    }

    private static int Count(IEnumerable<FileChange> changes, string kind) => changes.Count(c => c.Kind == kind);
}
