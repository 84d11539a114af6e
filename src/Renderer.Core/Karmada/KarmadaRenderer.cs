using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Output;

namespace Renderer.Core.Karmada;

/// <summary>
/// The Karmada pipeline: bind, place (policy matching, cluster affinity, replica division, namespace
/// auto-propagation), then build each cluster's objects with its overrides. It hands the same per-cluster
/// plans to the caller as the KubeFed pipeline does, so the emitter, the output tree and every command serve
/// both unchanged.
/// </summary>
public static class KarmadaRenderer
{
    public static void Stream(IReadOnlyList<SourceDocument> documents, RenderOptions options, Action<ClusterPlan> onCluster, List<Diagnostic> diagnostics)
    {
        var (federation, bindDiagnostics) = KarmadaBinder.Bind(documents);
        diagnostics.AddRange(bindDiagnostics);
        Pipeline.ClusterSelectionChecker.CheckSelected(options.Clusters, federation.Clusters.Select(c => c.Name).ToList(), Pipeline.ClusterSelectionChecker.KarmadaRegistry, diagnostics);
        var placements = TemplatePlacer.Place(federation, diagnostics);
        var clusters = federation.Clusters.Where(c => options.Clusters.Includes(c.Name) && placements.Values.Any(p => p.Assignment.Clusters.Contains(c.Name, StringComparer.Ordinal)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var perCluster = new List<Diagnostic>[clusters.Count];
        Parallel.For(0, clusters.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism) }, i =>
        {
            var cluster = clusters[i];
            var local = new List<Diagnostic>();
            var objects = new List<RenderedObject>();
            foreach (var template in federation.Templates)
            {
                var placement = placements[template];
                if (!placement.Assignment.Clusters.Contains(cluster.Name, StringComparer.Ordinal)) continue;
                if (ClusterObjectBuilder.Build(template, cluster, placement, federation.OverridePolicies, local) is { } built) objects.Add(new RenderedObject(template, built));
            }

            perCluster[i] = local;
            onCluster(new ClusterPlan(cluster.Name, ManifestLayout.Sort(objects)));
        });

        foreach (var local in perCluster) diagnostics.AddRange(local);
    }
}
