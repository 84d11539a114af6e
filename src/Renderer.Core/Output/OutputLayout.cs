namespace Renderer.Core.Output;

/// <summary>
/// How one cluster's ordered objects become the files of its directory, and which files (if any) sit at the
/// root of the output beside the cluster directories. The writer stays the same for every layout: it writes
/// <c>&lt;cluster&gt;/&lt;path&gt;</c> for each cluster file and <c>&lt;path&gt;</c> for each root file.
/// </summary>
public abstract record OutputLayout
{
    /// <summary>The default: one file per object and a kustomization.yaml (see <see cref="KustomizeLayout"/>).</summary>
    public static OutputLayout Kustomize { get; } = new KustomizeLayout();

    /// <summary>The name <c>--layout</c> takes.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The files of one cluster's directory, paths relative to it, sorted by path, from its objects in apply
    /// order and each object already emitted as its own file (<paramref name="emitted"/>, in the same order).
    /// </summary>
    public abstract IReadOnlyList<OutputFile> ClusterFiles(string cluster, IReadOnlyList<RenderedObject> ordered, IReadOnlyList<OutputFile> emitted);

    /// <summary>Files at the root of the output directory, sorted by path; none by default.</summary>
    public virtual IReadOnlyList<OutputFile> RootFiles => [];
}
