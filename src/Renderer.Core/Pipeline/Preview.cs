using Renderer.Core.Diagnostics;

namespace Renderer.Core.Pipeline;

/// <summary>What every cluster gets: one row per federated resource, one cell per registered cluster.</summary>
public sealed record Preview(IReadOnlyList<PreviewCluster> Clusters, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>A registered member cluster and its labels.</summary>
public sealed record PreviewCluster(string Name, IReadOnlyDictionary<string, string> Labels);

/// <summary>
/// A federated resource: the object its template alone builds (Secret values hidden) and, per cluster, what
/// lands there. <see cref="Id"/> is a stable anchor for links.
/// </summary>
public sealed record PreviewRow(string Id, string Kind, string? Namespace, string Name, SourceLocation Source, string TemplateYaml, IReadOnlyList<PreviewCell> Cells);

/// <summary>
/// One resource on one cluster: whether it is rendered there and the step that decided it, its replicas when
/// it has them, and, when the cluster's object differs from the template, that object (Secret values hidden)
/// and the overrides applied to it.
/// </summary>
public sealed record PreviewCell(string Cluster, bool Placed, string Reason, SourceLocation ReasonLocation, long? Replicas, bool Differs, string Yaml, IReadOnlyList<PreviewOverride> Overrides);

/// <summary>One override operation applied on a cluster, at its line.</summary>
public sealed record PreviewOverride(string Op, string Path, SourceLocation Location);
