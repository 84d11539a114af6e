using System.Text;
using Renderer.Core.Model;

namespace Renderer.Core.Output;

/// <summary>
/// The layout of a cluster's directory: <c>&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c> for namespaced
/// objects, <c>_cluster/&lt;kind&gt;-&lt;name&gt;.yaml</c> for cluster-scoped ones, and a kustomization.yaml
/// listing them in apply order. Names are validated DNS-1123 names before they get here, so no path escapes.
/// </summary>
public static class ManifestLayout
{
    public const string ClusterScopedFolder = "_cluster";
    public const string KustomizationFile = "kustomization.yaml";

    public static string PathOf(FederatedResource source)
    {
        var folder = source.Target.Namespaced ? source.Namespace ?? ClusterScopedFolder : ClusterScopedFolder;
        var kind = source.Target.Kind.ToLowerInvariant();
        var group = BuiltInTypes.ForKind(source.Target.Kind)?.Group == source.Target.Group ? string.Empty : "." + source.Target.Group;
        return $"{folder}/{kind}{group}-{source.Name}.yaml";
    }

    /// <summary>Objects in apply order: by kind rank, kind, namespace, then name.</summary>
    public static IReadOnlyList<RenderedObject> Sort(IEnumerable<RenderedObject> objects) => Sort(objects, o => o.Source);

    /// <summary>Anything that stands for an object of <paramref name="source"/>'s resource, in the same apply order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> objects, Func<T, FederatedResource> source) =>
        objects
            .OrderBy(o => ApplyOrder.Rank(source(o).Target.Kind))
            .ThenBy(o => source(o).Target.Kind, StringComparer.Ordinal)
            .ThenBy(o => source(o).Target.Group, StringComparer.Ordinal)
            .ThenBy(o => source(o).Target.Namespaced ? source(o).Namespace : string.Empty, StringComparer.Ordinal)
            .ThenBy(o => source(o).Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>The kustomization.yaml that lists the files of <paramref name="ordered"/>, in apply order, for <c>kubectl apply -k</c>.</summary>
    public static string Kustomization(IReadOnlyList<OutputFile> ordered)
    {
        var text = new StringBuilder();
        text.Append("apiVersion: kustomize.config.k8s.io/v1beta1\n");
        text.Append("kind: Kustomization\n");
        text.Append("resources:\n");
        foreach (var item in ordered) text.Append("- ").Append(item.RelativePath).Append('\n');
        return text.ToString();
    }
}
