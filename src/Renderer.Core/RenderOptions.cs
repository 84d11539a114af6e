using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core;

/// <summary>What a render may do and how strict it is.</summary>
public sealed record RenderOptions
{
    /// <summary>Warnings count as errors.</summary>
    public bool Strict { get; init; }

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    /// <summary>Validate objects against their schemas and the API server's rules (off only to measure what validation costs).</summary>
    public bool Validate { get; init; } = true;

    /// <summary>The control-plane scope to emulate when the inputs hold no KubeFedConfig.</summary>
    public ControlPlaneScope Scope { get; init; } = ControlPlaneScope.Cluster;

    /// <summary>
    /// How many clusters are written in parallel; 0 (the default) leaves it to the thread pool, which follows the
    /// processor count. The output is the same for any value.
    /// </summary>
    public int Parallelism { get; init; }

    /// <summary>The clusters to render (all by default).</summary>
    public ClusterFilter Clusters { get; init; } = ClusterFilter.All;

    /// <summary>How each cluster's objects become files (the kustomize layout by default, or Argo CD's Source Hydrator layout).</summary>
    public Output.OutputLayout Layout { get; init; } = Output.OutputLayout.Kustomize;

    /// <summary>What to do with objects that render as a plain Secret.</summary>
    public Secrets.PlainSecrets PlainSecrets { get; init; } = Secrets.PlainSecrets.Warn;

    /// <summary>The namespace namespaced documents without one are given, as <c>kubectl -n</c> gives it; null for none.</summary>
    public string? Namespace { get; init; }

    public static RenderOptions Default { get; } = new();
}
