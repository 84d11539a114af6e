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
    /// The files of one cluster's directory, paths relative to it, sorted by path, from its objects each already
    /// emitted as its own file (<paramref name="emitted"/>, in apply order).
    /// </summary>
    public abstract IReadOnlyList<OutputFile> ClusterFiles(string cluster, IReadOnlyList<OutputFile> emitted);

    /// <summary>Files at the root of the output directory, sorted by path; none by default. Each path is one of <see cref="RootFileNames"/>.</summary>
    public virtual IReadOnlyList<OutputFile> RootFiles => [];

    /// <summary>
    /// Every file name any layout writes at the root of the output, and so the only top-level files a writer may
    /// own there (an allow-list: every other owned path must be inside a cluster directory). A layout that adds a
    /// root file adds its name here.
    /// </summary>
    public static IReadOnlyList<string> RootFileNames { get; } = HydratorLayout.RootNames;

    /// <summary>Whether <paramref name="name"/> is one of <see cref="RootFileNames"/> (ordinal).</summary>
    public static bool IsRootFileName(string name) => RootFileNames.Contains(name, StringComparer.Ordinal);
}
