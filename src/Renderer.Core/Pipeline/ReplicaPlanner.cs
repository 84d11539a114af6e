using System.Text;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>
/// KubeFed's replica planner (rule 37) as a pure function: minimums first, then current replicas when not
/// rebalancing, then weighted rounds that round up in order (weight descending, then the 32-bit FNV-1 hash
/// of cluster name + key ascending) until replicas run out or no open cluster takes more.
/// </summary>
public static class ReplicaPlanner
{
    public static ReplicaPlan Plan(
        long totalReplicas,
        bool rebalance,
        IReadOnlyDictionary<string, ClusterPreferences> preferences,
        IReadOnlyList<string> availableClusters,
        IReadOnlyDictionary<string, long> currentReplicas,
        IReadOnlyDictionary<string, long> capacity,
        string key)
    {
        var plan = new Dictionary<string, long>(StringComparer.Ordinal);
        var overflow = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new List<Candidate>();
        foreach (var cluster in availableClusters)
        {
            if (preferences.TryGetValue(cluster, out var own) || preferences.TryGetValue("*", out own))
            {
                open.Add(new Candidate(cluster, own, Fnv1(cluster + key)));
            }
            else
            {
                plan[cluster] = 0;
            }
        }

        open.Sort(static (a, b) => a.Preferences.Weight != b.Preferences.Weight
            ? b.Preferences.Weight.CompareTo(a.Preferences.Weight)
            : a.Hash.CompareTo(b.Hash));

        var remaining = totalReplicas;
        foreach (var candidate in open)
        {
            var minimum = Math.Min(candidate.Preferences.MinReplicas, remaining);
            if (capacity.TryGetValue(candidate.Cluster, out var limit)) minimum = Math.Min(minimum, limit);
            remaining -= minimum;
            plan[candidate.Cluster] = minimum;
        }

        var preallocated = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!rebalance)
        {
            foreach (var candidate in open)
            {
                var planned = plan[candidate.Cluster];
                if (!currentReplicas.TryGetValue(candidate.Cluster, out var current) || current <= planned) continue;
                var target = current;
                if (candidate.Preferences.MaxReplicas is { } max) target = Math.Min(max, target);
                if (capacity.TryGetValue(candidate.Cluster, out var limit)) target = Math.Min(limit, target);
                var extra = Math.Max(0, Math.Min(target - planned, remaining));
                remaining -= extra;
                preallocated[candidate.Cluster] = extra;
                plan[candidate.Cluster] = planned + extra;
            }
        }

        var changed = true;
        while (changed && remaining > 0)
        {
            changed = false;
            var weightSum = open.Sum(c => c.Preferences.Weight);
            if (weightSum <= 0) break;
            var distribute = remaining;
            var stillOpen = new List<Candidate>(open.Count);
            foreach (var candidate in open)
            {
                var start = plan[candidate.Cluster];
                var extra = Math.Min(((distribute * candidate.Preferences.Weight) + weightSum - 1) / weightSum, remaining);

                var reserved = preallocated.GetValueOrDefault(candidate.Cluster);
                var used = Math.Min(extra, reserved);
                preallocated[candidate.Cluster] = reserved - used;
                extra -= used;
                if (used > 0) changed = true;

                var total = start + extra;
                var full = false;
                if (candidate.Preferences.MaxReplicas is { } max && total > max)
                {
                    total = max;
                    full = true;
                }

                if (capacity.TryGetValue(candidate.Cluster, out var limit) && total > limit)
                {
                    overflow[candidate.Cluster] = total - limit;
                    total = limit;
                    full = true;
                }

                if (!full) stillOpen.Add(candidate);
                remaining -= total - start;
                plan[candidate.Cluster] = total;
                if (total > start) changed = true;
            }

            open = stillOpen;
        }

        if (!rebalance)
        {
            // Without rebalancing, overflow is trimmed to the replicas that found no place at all.
            foreach (var cluster in overflow.Keys.ToList())
            {
                var trimmed = Math.Min(overflow[cluster], remaining);
                if (trimmed > 0) overflow[cluster] = trimmed;
                else overflow.Remove(cluster);
            }
        }

        return new ReplicaPlan(plan, overflow);
    }

    /// <summary>32-bit FNV-1 (multiply, then xor) over the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static uint Fnv1(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash *= 16777619u;
            hash ^= b;
        }

        return hash;
    }

    private sealed record Candidate(string Cluster, ClusterPreferences Preferences, uint Hash);
}
