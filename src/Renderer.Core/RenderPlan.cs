using Renderer.Core.Diagnostics;

namespace Renderer.Core;

/// <summary>What each cluster receives, before YAML is written, with every diagnostic (sorted).</summary>
public sealed record RenderPlan(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ClusterPlan> Clusters)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
