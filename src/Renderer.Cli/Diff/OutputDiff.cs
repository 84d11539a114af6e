using System.Text;
using System.Text.Json.Nodes;
using Renderer.Cli.Output;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Cli.Diff;

/// <summary>
/// What render would change in an output directory, as unified diffs of the YAML. Secret values never appear:
/// a Secret's data and stringData values are shown as a short hash, so a change is visible but not its content.
/// </summary>
public static class OutputDiff
{
    public static IReadOnlyList<FileChange> Compute(IReadOnlyDictionary<string, byte[]> rendered, Func<string, byte[]?> existing, IEnumerable<string> removed)
    {
        var changes = new List<FileChange>();
        foreach (var (relative, content) in rendered)
        {
            var before = existing(relative);
            if (before is not null && before.AsSpan().SequenceEqual(content)) continue;
            changes.Add(Change(relative, before is null ? "added" : "changed", before, content));
        }

        foreach (var relative in removed) changes.Add(Change(relative, "removed", existing(relative), null));
        return changes.OrderBy(c => c.Cluster, StringComparer.Ordinal).ThenBy(c => c.Path, StringComparer.Ordinal).ToList();
    }

    private static FileChange Change(string relative, string kind, byte[]? before, byte[]? after)
    {
        var cluster = OutputTree.GroupOf(relative);
        var path = OutputTree.InGroup(relative);
        var diff = UnifiedDiff.Create(Safe(before), Safe(after), "a/" + relative, "b/" + relative);
        return new FileChange(cluster, path, kind, diff);
    }

    /// <summary>
    /// The file's text with Secret values replaced by a hash of each value. Decided by what the YAML says, not by
    /// how it is written: the committed side is a pull request's to write, in any style (<c>kind: "Secret"</c>, flow
    /// mappings, CRLF). A file that does not parse and names a Secret anywhere is not shown at all.
    /// </summary>
    private static string? Safe(byte[]? content)
    {
        if (content is null) return null;
        var text = Encoding.UTF8.GetString(content);
        if (!text.Contains("Secret", StringComparison.OrdinalIgnoreCase)) return text;
        var (documents, diagnostics) = YamlLoader.Load(new SourceFile("output.yaml", content));
        if (diagnostics.Any(d => d.IsError)) return "# a file that mentions a Secret and does not parse, so none of it is shown\n";
        if (!documents.Any(d => IsSecret(d.Root))) return text;
        var safe = new StringBuilder();
        foreach (var document in documents)
        {
            if (safe.Length > 0) safe.Append("---\n");
            if (document.Root is not JsonObject root)
            {
                safe.Append("# a document that is not an object, not shown\n");
                continue;
            }

            if (IsSecret(root)) SecretValues.Hide(root);
            YamlEmitter.Write(safe, root);
        }

        return safe.ToString();
    }

    private static bool IsSecret(JsonNode? root) =>
        root is JsonObject o && o["kind"] is JsonValue kind && kind.GetValueKind() == System.Text.Json.JsonValueKind.String && kind.GetValue<string>() == "Secret";
}
