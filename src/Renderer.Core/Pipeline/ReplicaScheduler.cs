using System.Globalization;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// Applies ReplicaSchedulingPreferences (rules 34-38): plans each target's replicas over its candidate
/// clusters and writes the result back into the target as KubeFed's scheduler did, as a placement listing
/// every candidate and a <c>/spec/replicas</c> override per candidate, other overrides kept.
/// </summary>
public static class ReplicaScheduler
{
    /// <summary>Declared capacity of a cluster for every divided workload.</summary>
    public const string CapacityAnnotation = "fedrender.io/replica-capacity";

    /// <summary>Prefix of a per-workload capacity: <c>fedrender.io/replica-capacity.&lt;namespace&gt;.&lt;name&gt;</c>.</summary>
    public const string WorkloadCapacityPrefix = CapacityAnnotation + ".";

    public const string ReplicasPath = "/spec/replicas";

    private static readonly ClusterPreferences DefaultPreference = new(1, 0, null);

    public static Federation Apply(Federation federation, List<Diagnostic> diagnostics)
    {
        if (federation.Preferences.Count == 0) return federation;
        var resources = federation.Resources.ToList();
        var scheduledBy = new Dictionary<FederatedResource, ReplicaSchedulingPreference>(ReferenceEqualityComparer.Instance);
        var scope = federation.Config?.Scope ?? ControlPlaneScope.Cluster;
        foreach (var preference in federation.Preferences)
        {
            var at = preference.Document.At("/spec/targetKind");
            if (preference.TargetKind is not ("FederatedDeployment" or "FederatedReplicaSet"))
            {
                diagnostics.Add(SchedulingDiagnostics.InvalidTargetKind(at, preference.TargetKind));
                continue;
            }

            var index = resources.FindIndex(r => r.FederatedKind == preference.TargetKind && r.Namespace == preference.Namespace && r.Name == preference.Name);
            if (index < 0)
            {
                diagnostics.Add(SchedulingDiagnostics.NoTarget(at, preference.TargetKind, preference.Namespace, preference.Name));
                continue;
            }

            var target = resources[index];
            if (scheduledBy.TryGetValue(target, out var earlier))
            {
                diagnostics.Add(SchedulingDiagnostics.TwoPreferences(preference.Document.At("/metadata/name"), preference.Namespace, preference.Name, earlier.Document.At("/metadata/name")));
                continue;
            }

            var candidates = Candidates(preference, target, federation, scope);
            if (candidates.Count == 0)
            {
                diagnostics.Add(SchedulingDiagnostics.NoCandidates(preference.Document.At("/metadata/name"), preference.Namespace, preference.Name, WhyNoCandidates(preference, target, federation)));
                continue;
            }

            var capacity = Capacity(federation, candidates, target, diagnostics);
            var clusters = preference.Clusters.Count == 0
                ? new Dictionary<string, ClusterPreferences>(StringComparer.Ordinal) { ["*"] = DefaultPreference }
                : preference.Clusters;
            var plan = ReplicaPlanner.Plan(preference.TotalReplicas, preference.Rebalance, clusters, candidates,
                new Dictionary<string, long>(StringComparer.Ordinal), capacity, preference.Namespace + "/" + preference.Name);

            var replicas = new SortedDictionary<string, long>(plan.Replicas.ToDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
            foreach (var (cluster, extra) in plan.Overflow)
            {
                replicas[cluster] = replicas.GetValueOrDefault(cluster) + extra;
                diagnostics.Add(SchedulingDiagnostics.Overflow(preference.Document.At("/spec/totalReplicas"), cluster, extra, capacity[cluster]));
            }

            var placement = new PlacementSpec(replicas.Keys.Select(c => new ClusterReference(c, "/spec/placement")).ToList(), target.Placement.Selector) { WrittenByScheduler = true };
            resources[index] = target with { Placement = placement, Overrides = UpdateOverrides(target.Overrides, replicas) };
            scheduledBy[resources[index]] = preference;
        }

        return federation with { Resources = resources };
    }

    /// <summary>
    /// KubeFed's updateOverridesMap (rule 38): drops the <c>/spec/replicas</c> override of clusters without a
    /// share, updates an existing one in place (keeping its op), and appends one for clusters that lack it.
    /// </summary>
    public static IReadOnlyList<ClusterOverride> UpdateOverrides(IReadOnlyList<ClusterOverride> overrides, IReadOnlyDictionary<string, long> replicas)
    {
        var result = new List<ClusterOverride>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in overrides)
        {
            var operations = entry.Operations.ToList();
            var at = operations.FindIndex(o => o.Path == ReplicasPath);
            if (!seen.Add(entry.ClusterName))
            {
                result.Add(entry);
                continue;
            }

            if (replicas.TryGetValue(entry.ClusterName, out var count))
            {
                if (at >= 0) operations[at] = operations[at] with { Value = JsonValue.Create(count) };
                else operations.Add(new OverrideOperation(string.Empty, ReplicasPath, JsonValue.Create(count), entry.Pointer));
            }
            else if (at >= 0)
            {
                operations.RemoveAt(at);
            }

            result.Add(entry with { Operations = operations });
        }

        foreach (var (cluster, count) in replicas)
        {
            if (seen.Contains(cluster)) continue;
            result.Add(new ClusterOverride(cluster, [new OverrideOperation(string.Empty, ReplicasPath, JsonValue.Create(count), "/spec/overrides")], "/spec/overrides"));
        }

        return result;
    }

    /// <summary>All registered clusters; with intersectWithClusterSelector, those the target's selector and its namespace's selector pick (rule 36).</summary>
    /// <summary>The real reason a preference has no candidate clusters, for FR6004.</summary>
    private static string WhyNoCandidates(ReplicaSchedulingPreference preference, FederatedResource target, Federation federation)
    {
        if (federation.Clusters.Count == 0) return "there are no registered clusters (add KubeFedCluster documents to the inputs)";
        var ignored = new List<Diagnostic>();
        var own = PlacementResolver.Select(target.Placement, federation.Clusters, target.Document, ignored, selectorOnly: true);
        if (own.Clusters.Count == 0)
        {
            return target.Placement.Selector is null
                ? $"intersectWithClusterSelector is true and {target.DisplayName} has no spec.placement.clusterSelector, so it selects no cluster"
                : $"intersectWithClusterSelector is true and the clusterSelector of {target.DisplayName} matches none of the {federation.Clusters.Count} registered clusters";
        }

        return $"intersectWithClusterSelector is true and the clusters {target.DisplayName}'s selector picks ({string.Join(", ", own.Clusters)}) are not among those of its FederatedNamespace \"{target.Namespace}\"";
    }

    private static IReadOnlyList<string> Candidates(ReplicaSchedulingPreference preference, FederatedResource target, Federation federation, ControlPlaneScope scope)
    {
        var all = federation.Clusters.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        if (!preference.IntersectWithClusterSelector) return all;
        var ignored = new List<Diagnostic>();
        var own = PlacementResolver.Select(target.Placement, federation.Clusters, target.Document, ignored, selectorOnly: true);
        if (federation.Namespaces.TryGetValue(target.Namespace ?? string.Empty, out var ns))
        {
            var nsSelection = PlacementResolver.Select(ns.Placement, federation.Clusters, ns.Document, ignored, selectorOnly: true);
            return own.Clusters.Where(nsSelection.Contains).ToList();
        }

        return scope == ControlPlaneScope.Namespaced ? own.Clusters : [];
    }

    private static Dictionary<string, long> Capacity(Federation federation, IReadOnlyList<string> candidates, FederatedResource target, List<Diagnostic> diagnostics)
    {
        var capacity = new Dictionary<string, long>(StringComparer.Ordinal);
        var specific = WorkloadCapacityPrefix + target.Namespace + "." + target.Name;
        foreach (var cluster in federation.Clusters.Where(c => candidates.Contains(c.Name, StringComparer.Ordinal)))
        {
            var annotation = cluster.Annotations.ContainsKey(specific) ? specific : CapacityAnnotation;
            if (!cluster.Annotations.TryGetValue(annotation, out var text)) continue;
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                capacity[cluster.Name] = value;
            }
            else
            {
                diagnostics.Add(SchedulingDiagnostics.InvalidCapacity(cluster.Location, cluster.Name, annotation, text));
            }
        }

        return capacity;
    }
}
