namespace Renderer.Core.Output;

/// <summary>
/// The default layout (<see cref="ManifestLayout"/>): each object in <c>&lt;namespace&gt;/&lt;kind&gt;-&lt;name&gt;.yaml</c>
/// or <c>_cluster/&lt;kind&gt;-&lt;name&gt;.yaml</c>, and a kustomization.yaml listing them in apply order.
/// </summary>
public sealed record KustomizeLayout : OutputLayout
{
    public const string LayoutName = "kustomize";

    public override string Name => LayoutName;

    public override IReadOnlyList<OutputFile> ClusterFiles(string cluster, IReadOnlyList<OutputFile> emitted)
    {
        var files = new List<OutputFile>(emitted) { Capacity = emitted.Count + 1 };
        files.Add(new OutputFile(ManifestLayout.KustomizationFile, ManifestLayout.Kustomization(emitted)));
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }
}
