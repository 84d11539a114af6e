using Renderer.Core.Diagnostics;
using Renderer.Core.Output;

namespace Renderer.Core;

/// <summary>
/// The outcome of a render: every diagnostic (sorted) and, per cluster, the files to write. When
/// <see cref="HasErrors"/> is true, <see cref="Clusters"/> is empty: nothing may be written.
/// </summary>
public sealed record RenderResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ClusterManifests> Clusters)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Files at the root of the output, beside the cluster directories (the layout's, such as the hydrator's .gitattributes); empty when there are errors.</summary>
    public IReadOnlyList<OutputFile> RootFiles { get; init; } = [];

    /// <summary>Where the inputs hold Secret values, for whoever shows more diagnostics about them.</summary>
    public Secrets.SecretMap Secrets { get; init; } = Core.Secrets.SecretMap.Empty;
}
