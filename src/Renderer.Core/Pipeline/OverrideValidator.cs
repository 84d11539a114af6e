using Renderer.Core.Diagnostics;
using Renderer.Core.Model;
using Renderer.Core.Patching;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Checks a resource's whole overrides list before anything is applied (rule 23 and the CRD's rules, rules
/// 24 and 31 under the renderer's stricter policy) and turns it into one patch per cluster.
/// </summary>
public static class OverrideValidator
{
    private static readonly HashSet<string> ForbiddenPaths = new(StringComparer.Ordinal)
    {
        "/metadata/name", "/metadata/namespace", "/metadata/generateName", "/kind",
    };

    public static OverridePlan Plan(FederatedResource resource, List<Diagnostic> diagnostics)
    {
        if (resource.Overrides.Count == 0) return OverridePlan.Empty;
        var document = resource.Document;
        var valid = true;
        var clusters = new Dictionary<string, ClusterPatch>(StringComparer.Ordinal);
        var firstEntry = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resource.Overrides)
        {
            var cluster = entry.ClusterName;
            var merged = clusters.GetValueOrDefault(cluster) is { } earlier && (entry.Selector is not null || earlier.Source.Selector is not null) ? earlier : null;
            if (merged is null && firstEntry.TryGetValue(cluster, out var firstPointer))
            {
                diagnostics.Add(OverrideDiagnostics.DuplicateClusterName(document.At(entry.Pointer + "/clusterName"), cluster, document.At(firstPointer + "/clusterName")));
                valid = false;
                continue;
            }

            firstEntry[cluster] = entry.Pointer;
            var operations = new List<PatchOperation>();
            var pointers = new List<string>();
            var paths = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var op in entry.Operations)
            {
                var opAt = document.At(op.Pointer + "/op");
                var pathAt = document.At(op.Pointer + "/path");
                var kind = PatchOperation.ParseKind(op.EffectiveOp);
                if (kind is null)
                {
                    diagnostics.Add(OverrideDiagnostics.InvalidOp(opAt, cluster, op.Op));
                    valid = false;
                    continue;
                }

                if (op.Path is not { } path)
                {
                    diagnostics.Add(OverrideDiagnostics.MissingPath(document.At(op.Pointer), cluster));
                    valid = false;
                    continue;
                }

                var problem = path switch
                {
                    "" => OverrideDiagnostics.IdentityChanged(pathAt, cluster, path, "whole body, name, namespace and kind included"),
                    "/" => OverrideDiagnostics.EmptyTopLevelKey(pathAt, cluster),
                    _ when path[0] != '/' => OverrideDiagnostics.PathWithoutSlash(pathAt, cluster, path),
                    _ when ForbiddenPaths.Contains(path) => OverrideDiagnostics.ForbiddenPath(pathAt, cluster, path),
                    _ when paths.TryGetValue(path, out var first) => OverrideDiagnostics.DuplicatePath(pathAt, cluster, path, document.At(first + "/path")),
                    _ => null,
                };
                if (problem is not null)
                {
                    diagnostics.Add(problem);
                    valid = false;
                    continue;
                }

                paths[path] = op.Pointer;
                if (path == "/metadata" && kind != PatchOperationKind.Remove) diagnostics.Add(OverrideDiagnostics.MetadataOverride(pathAt, cluster, path));
                operations.Add(new PatchOperation(kind.Value, path, op.Value));
                pointers.Add(op.Pointer);
            }

            // Entries that select clusters by clusterSelector apply in list order, after those before them.
            clusters[cluster] = merged is null ? new ClusterPatch(entry, operations, pointers) : merged with { Operations = [.. merged.Operations, .. operations], Pointers = [.. merged.Pointers, .. pointers] };
        }

        return new OverridePlan(clusters, valid);
    }

    /// <summary>Warns about overrides for clusters the resource does not go to (rule 33).</summary>
    public static void ReportUnselected(FederatedResource resource, OverridePlan plan, ClusterSelection selection, List<Diagnostic> diagnostics)
    {
        foreach (var (cluster, patch) in plan.Clusters)
        {
            if (!selection.Contains(cluster) && patch.Source.Selector is null)
            {
                diagnostics.Add(OverrideDiagnostics.UnselectedCluster(resource.Document.At(patch.Source.Pointer + "/clusterName"), cluster));
            }
        }
    }
}
