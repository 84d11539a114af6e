using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Whether a Cluster satisfies a ClusterAffinity, as Karmada decides: not excluded, labels matching the
/// label selector, provider, region and zones matching the field selector, and (when the list is not empty)
/// named in clusterNames. All that is set must hold.
/// </summary>
public static class ClusterAffinityMatcher
{
    public const string ProviderField = "provider";
    public const string RegionField = "region";
    public const string ZoneField = "zone";

    private static readonly HashSet<string> FieldOperators = new(StringComparer.Ordinal) { "In", "NotIn", "Exists", "DoesNotExist" };

    /// <summary>The registered clusters the affinity selects, by name (null affinity: all of them).</summary>
    public static IReadOnlyList<string> Select(ClusterAffinity? affinity, IReadOnlyList<KarmadaCluster> clusters) =>
        clusters.Where(c => affinity is null || Matches(c, affinity)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();

    public static bool Matches(KarmadaCluster cluster, ClusterAffinity affinity)
    {
        if (affinity.Exclude.Any(e => e.Name == cluster.Name)) return false;
        if (affinity.LabelSelector is { } selector && (PlacementResolver.Validate(selector, out _) is not null || !PlacementResolver.Matches(selector, cluster.Labels))) return false;
        foreach (var requirement in affinity.FieldSelector)
        {
            if (!MatchesField(cluster, requirement)) return false;
        }

        return affinity.ClusterNames.Count == 0 || affinity.ClusterNames.Any(n => n.Name == cluster.Name);
    }

    private static bool MatchesField(KarmadaCluster cluster, FieldRequirement requirement)
    {
        if (requirement.Key == ZoneField)
        {
            return requirement.Operator switch
            {
                "In" => cluster.Zones.Any(z => requirement.Values.Contains(z, StringComparer.Ordinal)),
                "NotIn" => !cluster.Zones.Any(z => requirement.Values.Contains(z, StringComparer.Ordinal)),
                "Exists" => cluster.Zones.Count > 0,
                "DoesNotExist" => cluster.Zones.Count == 0,
                _ => false,
            };
        }

        var value = requirement.Key switch
        {
            ProviderField => cluster.Provider,
            RegionField => cluster.Region,
            _ => null,
        };
        return requirement.Operator switch
        {
            "In" => value is not null && requirement.Values.Contains(value, StringComparer.Ordinal),
            "NotIn" => value is null || !requirement.Values.Contains(value, StringComparer.Ordinal),
            "Exists" => value is not null,
            "DoesNotExist" => value is null,
            _ => false,
        };
    }

    /// <summary>Reports what would make Karmada match nothing or something else than written: bad selectors, unknown field keys, unregistered names.</summary>
    public static bool Check(ClusterAffinity affinity, SourceDocument document, IReadOnlyList<KarmadaCluster> clusters, List<Diagnostic> diagnostics)
    {
        var valid = true;
        if (affinity.LabelSelector is { } selector && PlacementResolver.Validate(selector, out var at) is { } problem)
        {
            diagnostics.Add(KarmadaPlacementDiagnostics.InvalidSelector(document.At(at), problem));
            valid = false;
        }

        foreach (var requirement in affinity.FieldSelector)
        {
            string? fieldProblem = null;
            if (requirement.Key is not (ProviderField or RegionField or ZoneField)) fieldProblem = $"key \"{requirement.Key}\" is not a cluster field";
            else if (!FieldOperators.Contains(requirement.Operator)) fieldProblem = $"operator \"{requirement.Operator}\" is not supported";
            else if (requirement.Operator is "In" or "NotIn" && requirement.Values.Count == 0) fieldProblem = $"operator {requirement.Operator} needs at least one value";
            if (fieldProblem is null) continue;
            diagnostics.Add(KarmadaPlacementDiagnostics.InvalidFieldSelector(document.At(requirement.Pointer), fieldProblem));
            valid = false;
        }

        var registered = clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in affinity.ClusterNames.Concat(affinity.Exclude))
        {
            if (registered.Contains(reference.Name)) continue;
            var known = registered.Count == 0 ? "none" : string.Join(", ", registered.Order(StringComparer.Ordinal));
            diagnostics.Add(KarmadaPlacementDiagnostics.UnknownCluster(document.At(reference.Pointer), reference.Name, known));
        }

        return valid;
    }
}
