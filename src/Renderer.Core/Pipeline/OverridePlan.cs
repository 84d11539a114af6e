using Renderer.Core.Model;
using Renderer.Core.Patching;

namespace Renderer.Core.Pipeline;

/// <summary>The checked overrides of one resource: per cluster, the patch to apply and where each op is written.</summary>
public sealed record OverridePlan(IReadOnlyDictionary<string, ClusterPatch> Clusters, bool Valid)
{
    public static OverridePlan Empty { get; } = new(new Dictionary<string, ClusterPatch>(StringComparer.Ordinal), true);
}

/// <summary>One cluster's patch; <see cref="Pointers"/>[i] is the document pointer of operation i.</summary>
public sealed record ClusterPatch(ClusterOverride Source, IReadOnlyList<PatchOperation> Operations, IReadOnlyList<string> Pointers);
