using System.Globalization;
using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// Karmada's replica scheduling over the clusters a placement selected. Duplicated (the default) sends the
/// template unchanged to each. Divided and Weighted gives each cluster the largest weight of the static
/// weight entries that match it (no entry: left out; no weight at all: every cluster weighs 1) and deals the
/// replicas one at a time by the Webster (Sainte-Laguë) method: the next replica goes to the cluster with the
/// highest weight / (2 × replicas so far + 1). Clusters left with 0 replicas get nothing.
/// </summary>
public static class ReplicaDivider
{
    /// <summary>The workload kinds whose replicas Karmada's default interpreter reads and revises.</summary>
    public static bool HasReplicas(TargetType target) =>
        (target.Group == "apps" && target.Kind is "Deployment" or "ReplicaSet" or "StatefulSet")
        || (target.Group == "batch" && target.Kind == "Job")
        || (target.Group.Length == 0 && target.Kind == "Pod");

    public static ReplicaAssignment Assign(FederatedResource template, PropagationPolicy policy, IReadOnlyList<KarmadaCluster> selected, List<Diagnostic> diagnostics)
    {
        var names = selected.Select(c => c.Name).ToList();
        var scheduling = policy.Replicas;
        var replicas = Replicas(template);
        if (!scheduling.Divided || replicas <= 0 || names.Count == 0) return new ReplicaAssignment(names, null, null);
        var at = policy.Document.At(scheduling.Pointer);
        if (scheduling.Preference == "Aggregated" || scheduling.DynamicWeight)
        {
            diagnostics.Add(KarmadaSchedulingDiagnostics.NeedsLiveCapacity(at, scheduling.Preference == "Aggregated" ? "replicaDivisionPreference Aggregated" : "weightPreference.dynamicWeight"));
            return ReplicaAssignment.Nothing;
        }

        var weights = new List<(string Cluster, long Weight)>();
        foreach (var cluster in selected)
        {
            long weight = 0;
            foreach (var entry in scheduling.StaticWeights ?? [])
            {
                if (ClusterAffinityMatcher.Matches(cluster, entry.Target)) weight = Math.Max(weight, entry.Weight);
            }

            if (weight > 0) weights.Add((cluster.Name, weight));
        }

        if (weights.Count == 0)
        {
            if (scheduling.StaticWeights is { Count: > 0 }) diagnostics.Add(KarmadaSchedulingDiagnostics.NoWeightMatches(at, template.DisplayName));
            weights = names.Select(n => (n, 1L)).ToList();
        }

        var shares = Divide(replicas, weights, out var other);
        if (other is not null) diagnostics.Add(KarmadaSchedulingDiagnostics.TieBroken(at, template.DisplayName, Describe(shares), Describe(other)));
        foreach (var name in names.Where(n => shares.GetValueOrDefault(n) == 0)) diagnostics.Add(KarmadaSchedulingDiagnostics.ClusterLeftOut(at, template.DisplayName, name));
        var placed = names.Where(n => shares.GetValueOrDefault(n) > 0).ToList();
        var kept = placed.ToDictionary(n => n, n => shares[n], StringComparer.Ordinal);
        IReadOnlyDictionary<string, long>? completions = null;
        if (template.Target.Kind == "Job" && template.Template.At("/spec/completions") is JsonValue c && c.TryGetValue<long>(out var total))
        {
            completions = Divide(total, placed.Select(n => (n, kept[n])).ToList(), out _);
        }

        return new ReplicaAssignment(placed, template.Target.Kind == "Pod" ? null : kept, completions);
    }

    /// <summary>The replicas Karmada reads from a template (unset: 0; a Pod: 1; a Job: parallelism, at most completions).</summary>
    public static long Replicas(FederatedResource template)
    {
        if (!HasReplicas(template.Target)) return 0;
        if (template.Target.Kind == "Pod") return 1;
        static long Read(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        if (template.Target.Kind != "Job") return Read(template.Template.At("/spec/replicas"));
        var parallelism = Read(template.Template.At("/spec/parallelism"));
        return template.Template.At("/spec/completions") is JsonValue completions && completions.TryGetValue<long>(out var total) ? Math.Min(parallelism, total) : parallelism;
    }

    /// <summary>
    /// The Webster division of <paramref name="total"/> by <paramref name="weights"/>, ties broken by cluster name
    /// ascending. <paramref name="other"/> is the division with ties broken by name descending, when it differs:
    /// the other result Karmada can give, depending on the resource's UID.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Divide(long total, IReadOnlyList<(string Cluster, long Weight)> weights, out IReadOnlyDictionary<string, long>? other)
    {
        var ascending = Deal(total, weights, descending: false);
        var descending = Deal(total, weights, descending: true);
        other = ascending.All(p => descending[p.Key] == p.Value) ? null : descending;
        return ascending;
    }

    private static Dictionary<string, long> Deal(long total, IReadOnlyList<(string Cluster, long Weight)> weights, bool descending)
    {
        var seats = weights.ToDictionary(w => w.Cluster, _ => 0L, StringComparer.Ordinal);
        if (weights.Count == 0) return seats;

        // Dealing one replica at a time picks the `total` highest priorities weight/(2k+1) in one fixed order, so
        // starting from any shares no larger than the result gives the same result. Webster's shares are never
        // below quota - n/2 - 1/2 (n clusters), which bounds the dealing to about n²/2 steps for any total.
        System.Int128 sum = 0;
        foreach (var (_, weight) in weights) sum += weight;
        long dealt = 0;
        foreach (var (cluster, weight) in weights)
        {
            var seed = (long)System.Int128.Max(0, ((System.Int128)total * weight / sum) - (weights.Count / 2) - 1);
            seats[cluster] = seed;
            dealt += seed;
        }

        for (; dealt < total; dealt++)
        {
            var best = weights[0];
            foreach (var candidate in weights.Skip(1))
            {
                if (Before(candidate, seats[candidate.Cluster], best, seats[best.Cluster], descending)) best = candidate;
            }

            seats[best.Cluster]++;
        }

        return seats;
    }

    /// <summary>Whether <paramref name="a"/> gets the next replica before <paramref name="b"/>: higher weight/(2s+1), then fewer replicas, then name.</summary>
    private static bool Before((string Cluster, long Weight) a, long aSeats, (string Cluster, long Weight) b, long bSeats, bool descending)
    {
        var left = (System.Int128)a.Weight * (2 * bSeats + 1);
        var right = (System.Int128)b.Weight * (2 * aSeats + 1);
        if (left != right) return left > right;
        if (aSeats != bSeats) return aSeats < bSeats;
        var order = string.CompareOrdinal(a.Cluster, b.Cluster);
        return descending ? order > 0 : order < 0;
    }

    private static string Describe(IReadOnlyDictionary<string, long> shares) =>
        string.Join(", ", shares.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value.ToString(CultureInfo.InvariantCulture)));
}
