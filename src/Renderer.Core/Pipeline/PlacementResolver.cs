using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Pipeline;

/// <summary>Which registered clusters a placement selects: KubeFed rules 1-9.</summary>
public static class PlacementResolver
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "In", "NotIn", "Exists", "DoesNotExist" };

    /// <summary>
    /// The clusters <paramref name="spec"/> selects. With <paramref name="selectorOnly"/> the clusters list is
    /// ignored and only the selector counts, as KubeFed computes RSP candidates (rule 36).
    /// </summary>
    public static ClusterSelection Select(PlacementSpec spec, IReadOnlyList<MemberCluster> clusters, SourceDocument document, List<Diagnostic> diagnostics, bool selectorOnly = false) =>
        Resolve(selectorOnly ? spec with { Clusters = null, WrittenByScheduler = false } : spec, clusters, document, diagnostics).Selection;

    /// <summary>The clusters <paramref name="spec"/> selects, with the rule that decided it and where that rule is written.</summary>
    public static OwnPlacement Resolve(PlacementSpec spec, IReadOnlyList<MemberCluster> clusters, SourceDocument document, List<Diagnostic> diagnostics)
    {
        if (spec.Clusters is { Count: > 0 } list)
        {
            if (spec.Selector is { IsEmpty: false } && !spec.WrittenByScheduler) diagnostics.Add(PlacementDiagnostics.SelectorIgnored(document.KeyAt("/spec/placement/clusterSelector")));
            var (selection, listedAt) = SelectByName(list, clusters, document, diagnostics);
            return spec.WrittenByScheduler
                ? new OwnPlacement(OwnPlacementRule.Scheduler, selection, "/metadata/name")
                : new OwnPlacement(OwnPlacementRule.ClustersList, selection, "/spec/placement/clusters") { ListedAt = listedAt };
        }

        if (spec.WrittenByScheduler) return new OwnPlacement(OwnPlacementRule.Scheduler, ClusterSelection.Nothing, "/metadata/name");
        if (spec.Clusters is not null) return new OwnPlacement(OwnPlacementRule.EmptyClustersList, ClusterSelection.Nothing, "/spec/placement/clusters");
        if (spec.Selector is null) return new OwnPlacement(OwnPlacementRule.NoPlacement, ClusterSelection.Nothing, "/spec") { AtKey = true };

        var problem = Validate(spec.Selector, out var at);
        if (problem is not null)
        {
            diagnostics.Add(PlacementDiagnostics.InvalidSelector(document.At(at), problem));
            return new OwnPlacement(OwnPlacementRule.InvalidSelector, ClusterSelection.Invalid, at) { Problem = problem };
        }

        var selected = clusters.Where(c => Matches(spec.Selector, c.Labels)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var rule = spec.Selector.IsEmpty ? OwnPlacementRule.EmptySelector : OwnPlacementRule.Selector;
        return new OwnPlacement(rule, new ClusterSelection(selected, true), "/spec/placement/clusterSelector");
    }

    private static (ClusterSelection Selection, IReadOnlyList<string> ListedAt) SelectByName(IReadOnlyList<ClusterReference> list, IReadOnlyList<MemberCluster> clusters, SourceDocument document, List<Diagnostic> diagnostics)
    {
        var registered = clusters.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var selected = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in list)
        {
            if (!seen.Add(reference.Name))
            {
                diagnostics.Add(PlacementDiagnostics.DuplicateClusterInPlacement(document.At(reference.Pointer), reference.Name));
                continue;
            }

            if (registered.Contains(reference.Name))
            {
                selected.Add(reference.Name, reference.Pointer);
            }
            else
            {
                var known = registered.Count == 0 ? "none" : string.Join(", ", registered.Order(StringComparer.Ordinal));
                var suggestion = Suggest(reference.Name, registered);
                diagnostics.Add(PlacementDiagnostics.UnregisteredCluster(document.At(reference.Pointer), reference.Name, known, suggestion));
            }
        }

        return (new ClusterSelection(selected.Keys.ToList(), true), selected.Values.ToList());
    }

    /// <summary>
    /// A registered name the user probably meant: the same name without invisible characters or in another case, or
    /// one a small edit away, unless the two differ only in digits (cluster3 is not a typo of cluster1).
    /// </summary>
    public static string? Suggest(string name, IReadOnlyCollection<string> registered)
    {
        var stripped = Diagnostics.Visible.Strip(name);
        var exact = registered.Order(StringComparer.Ordinal).FirstOrDefault(r => string.Equals(r, stripped, StringComparison.OrdinalIgnoreCase));
        if (exact is not null) return exact;
        var closest = Validation.SchemaValidator.Closest(stripped, registered.Order(StringComparer.Ordinal).ToList());
        static string Letters(string text) => string.Concat(text.Where(c => !char.IsAsciiDigit(c)));
        return closest is not null && Letters(closest) == Letters(stripped) ? null : closest;
    }

    /// <summary>The first problem of a selector, as apimachinery's LabelSelectorAsSelector reports it, or null.</summary>
    public static string? Validate(LabelSelector selector, out string pointer)
    {
        foreach (var requirement in selector.MatchLabels)
        {
            pointer = requirement.Pointer;
            if (KubernetesNames.CheckQualifiedName(requirement.Key) is { } keyProblem) return $"label key \"{requirement.Key}\" is invalid: {keyProblem}";
            if (KubernetesNames.CheckLabelValue(requirement.Value) is { } valueProblem) return $"label value \"{requirement.Value}\" is invalid: {valueProblem}";
        }

        foreach (var expression in selector.MatchExpressions)
        {
            pointer = expression.Pointer + "/operator";
            if (!Operators.Contains(expression.Operator))
            {
                return $"\"{expression.Operator}\" is not a valid operator (use In, NotIn, Exists or DoesNotExist, case-sensitive)";
            }

            var count = expression.Values?.Count ?? 0;
            if (expression.Operator is "In" or "NotIn" && count == 0) return $"operator {expression.Operator} needs at least one value";
            if (expression.Operator is "Exists" or "DoesNotExist" && count > 0) return $"operator {expression.Operator} takes no values";
            pointer = expression.Pointer + "/key";
            if (KubernetesNames.CheckQualifiedName(expression.Key) is { } keyProblem) return $"label key \"{expression.Key}\" is invalid: {keyProblem}";
            pointer = expression.Pointer + "/values";
            foreach (var value in expression.Values ?? [])
            {
                if (KubernetesNames.CheckLabelValue(value) is { } valueProblem) return $"label value \"{value}\" is invalid: {valueProblem}";
            }
        }

        pointer = string.Empty;
        return null;
    }

    /// <summary>Whether labels satisfy every matchLabels entry and every expression (rules 5-6).</summary>
    public static bool Matches(LabelSelector selector, IReadOnlyDictionary<string, string> labels)
    {
        foreach (var requirement in selector.MatchLabels)
        {
            if (!labels.TryGetValue(requirement.Key, out var value) || value != requirement.Value) return false;
        }

        foreach (var expression in selector.MatchExpressions)
        {
            var has = labels.TryGetValue(expression.Key, out var value);
            var values = expression.Values ?? [];
            var ok = expression.Operator switch
            {
                "In" => has && values.Contains(value, StringComparer.Ordinal),
                "NotIn" => !has || !values.Contains(value, StringComparer.Ordinal),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok) return false;
        }

        return true;
    }
}
