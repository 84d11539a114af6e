using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Tests.Support;

/// <summary>The README's ELK example (examples/elk): its preview page, and every object render writes for it.</summary>
public static class ElkExample
{
    /// <summary>The README's preview command, less the page's path.</summary>
    public static readonly string[] PreviewArgs = ["preview", "examples/elk", "--group-by", "region", "--output"];

    /// <summary>Writes the ELK preview into <paramref name="directory"/> and returns its path.</summary>
    public static string WritePreview(string directory)
    {
        var path = Path.Combine(directory, "preview.html");
        var (exit, _, error) = DiskCli.Run(RepositoryPaths.Root, [.. PreviewArgs, path]);
        Assert.True(exit == 0, error);
        Assert.Contains("preview of 28 resources on 4 clusters written to", error, StringComparison.Ordinal);
        return path;
    }

    /// <summary>Every object render writes for the ELK example, by "cluster Kind/namespace/name", as the page shows it (Secret values hidden).</summary>
    public static Dictionary<string, string> RenderedObjects()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => new SourceFile(Path.GetRelativePath(RepositoryPaths.Root, f), File.ReadAllBytes(f))).ToList();
        var result = FederationRenderer.Render(files, new RenderOptions());
        Assert.False(result.HasErrors);
        var objects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cluster in result.Clusters)
        {
            foreach (var file in cluster.Files.Where(f => f.RelativePath != "kustomization.yaml"))
            {
                var (documents, _) = YamlLoader.Load(new SourceFile(file.RelativePath, System.Text.Encoding.UTF8.GetBytes(file.Content)));
                var root = documents.Single().Root as JsonObject ?? throw new InvalidDataException(file.RelativePath + " is not an object");
                var kind = (string?)root["kind"] ?? string.Empty;
                var ns = kind == "Namespace" ? string.Empty : (string?)root["metadata"]?["namespace"] ?? string.Empty;
                if (kind == "Secret") SecretValues.Hide(root);
                objects[$"{cluster.Cluster} {kind}/{ns}/{(string?)root["metadata"]?["name"]}"] = kind == "Secret" ? YamlEmitter.Emit(root) : file.Content;
            }
        }

        return objects;
    }
}
