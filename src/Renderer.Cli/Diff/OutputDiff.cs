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

    /// <summary>The file's text with Secret values replaced by a hash of each value.</summary>
    private static string? Safe(byte[]? content)
    {
        if (content is null) return null;
        var text = Encoding.UTF8.GetString(content);
        if (!text.Contains("kind: Secret\n", StringComparison.Ordinal)) return text;
        var (documents, diagnostics) = YamlLoader.Load(new SourceFile("secret.yaml", content));
        if (documents.Count > 1) return SafeStream(documents, diagnostics.Any(d => d.IsError));
        if (documents.FirstOrDefault()?.Root is not JsonObject secret) return "# a Secret whose values are not shown\n";
        SecretValues.Hide(secret);
        return YamlEmitter.Emit(secret);
    }

    /// <summary>A stream of several objects (the hydrator layout's manifest.yaml): each Secret's values hashed, the other objects as they are.</summary>
    private static string SafeStream(IReadOnlyList<SourceDocument> documents, bool broken)
    {
        if (broken) return "# a YAML stream with a Secret, which does not parse, so none of it is shown\n";
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            if (text.Length > 0) text.Append("---\n");
            if (document.Root is not JsonObject root)
            {
                text.Append("# a document that is not an object, not shown\n");
                continue;
            }

            if (root["kind"] is JsonValue kind && kind.GetValueKind() == System.Text.Json.JsonValueKind.String && kind.GetValue<string>() == "Secret") SecretValues.Hide(root);
            YamlEmitter.Write(text, root);
        }

        return text.ToString();
    }
}
