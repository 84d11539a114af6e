using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// Which override rules apply to a resource on a cluster, in the order Karmada applies them: every
/// ClusterOverridePolicy, then (for a namespaced resource) the OverridePolicies of its namespace; within each
/// kind, least precise first (no resource selectors count as apiVersion-and-kind precision) and then by name,
/// so the most precise policy is applied last and wins. Within a policy, its rules in order, each when its
/// target cluster matches (no target: every cluster).
/// </summary>
public static class OverrideSelector
{
    public static IReadOnlyList<(OverridePolicy Policy, OverrideRule Rule)> Rules(FederatedResource template, KarmadaCluster cluster, IReadOnlyList<OverridePolicy> policies)
    {
        var result = new List<(OverridePolicy, OverrideRule)>();
        foreach (var group in new[] { policies.Where(p => p.Namespace is null), template.Namespace is { } ns ? policies.Where(p => p.Namespace == ns) : [] })
        {
            var ordered = group
                .Select(p => (Policy: p, Precision: p.Selectors.Count == 0 ? MatchPrecision.KindOnly : PolicyMatcher.Precision(template, p.Selectors, p.Namespace)))
                .Where(p => p.Precision != MatchPrecision.None)
                .OrderBy(p => p.Precision)
                .ThenBy(p => p.Policy.Name, StringComparer.Ordinal);
            foreach (var (policy, _) in ordered)
            {
                foreach (var rule in policy.Rules)
                {
                    if (rule.Target is null || ClusterAffinityMatcher.Matches(cluster, rule.Target)) result.Add((policy, rule));
                }
            }
        }

        return result;
    }
}
