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

    /// <param name="crdVersions">The versions each custom kind's CustomResourceDefinition declares, by (group, kind); an override of /apiVersion may choose one of them.</param>
    public static OverridePlan Plan(FederatedResource resource, List<Diagnostic> diagnostics, IReadOnlyDictionary<(string Group, string Kind), IReadOnlySet<string>>? crdVersions = null)
    {
        if (resource.Overrides.Count == 0) return OverridePlan.Empty;
        var document = resource.Document;
        var valid = true;
        var clusters = new Dictionary<string, ClusterPatch>(StringComparer.Ordinal);
        var firstEntry = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resource.Overrides)
        {
            var cluster = entry.ClusterName;
            if (firstEntry.TryGetValue(cluster, out var firstPointer))
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

                // KubeFed applied such an override (the object is still built, as it would have been), but the API server refuses an undeclared version.
                if (path == "/apiVersion" && CheckApiVersion(resource, op, kind.Value, cluster, crdVersions, document.At(op.Pointer + (op.Value is null ? "/path" : "/value"))) is { } undeclared)
                {
                    diagnostics.Add(undeclared);
                }

                paths[path] = op.Pointer;
                if (path == "/metadata" && kind != PatchOperationKind.Remove) diagnostics.Add(OverrideDiagnostics.MetadataOverride(pathAt, cluster, path));
                operations.Add(new PatchOperation(kind.Value, path, op.Value));
                pointers.Add(op.Pointer);
            }

            clusters[cluster] = new ClusterPatch(entry, operations, pointers);
        }

        return new OverridePlan(clusters, valid);
    }

    /// <summary>An override of /apiVersion must choose a version the type config or a CRD declares for the kind (and may not remove it).</summary>
    private static Diagnostic? CheckApiVersion(FederatedResource resource, OverrideOperation op, PatchOperationKind kind, string cluster, IReadOnlyDictionary<(string Group, string Kind), IReadOnlySet<string>>? crdVersions, SourceLocation at)
    {
        var target = resource.Target;
        var declared = new SortedSet<string>(StringComparer.Ordinal) { target.ApiVersion };
        if (crdVersions is not null && crdVersions.TryGetValue((target.Group, target.Kind), out var versions)) declared.UnionWith(versions);
        var value = Input.JsonKinds.IsString(op.Value, out var text) ? text : null;
        if (kind != PatchOperationKind.Remove && value is not null && declared.Contains(value)) return null;
        return OverrideDiagnostics.UndeclaredApiVersion(at, cluster, kind == PatchOperationKind.Remove ? "(removed)" : value ?? op.Value?.ToJsonString() ?? "null", target.Kind, string.Join(", ", declared));
    }

    /// <summary>Warns about overrides for clusters the resource does not go to (rule 33).</summary>
    public static void ReportUnselected(FederatedResource resource, OverridePlan plan, ClusterSelection selection, List<Diagnostic> diagnostics)
    {
        foreach (var (cluster, patch) in plan.Clusters)
        {
            if (!selection.Contains(cluster))
            {
                diagnostics.Add(OverrideDiagnostics.UnselectedCluster(resource.Document.At(patch.Source.Pointer + "/clusterName"), cluster));
            }
        }
    }
}
