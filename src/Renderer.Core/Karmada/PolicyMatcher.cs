using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Which policy claims a resource template, as Karmada's resource detector chooses: PropagationPolicies of
/// the template's namespace first, ClusterPropagationPolicies only when none matches. Among the matching
/// policies of one kind: the highest <c>spec.priority</c>, then the highest implicit precision (a selector
/// by name, then by label selector, then by apiVersion and kind alone), then the name that sorts first.
/// </summary>
public static class PolicyMatcher
{
    public static PolicyMatch? Match(FederatedResource template, IReadOnlyList<PropagationPolicy> policies, List<Diagnostic> diagnostics)
    {
        if (template.Namespace is { } ns)
        {
            var own = Best(template, policies.Where(p => p.Namespace == ns), diagnostics);
            if (own is not null) return own;
        }

        return Best(template, policies.Where(p => p.IsClusterPolicy), diagnostics);
    }

    private static PolicyMatch? Best(FederatedResource template, IEnumerable<PropagationPolicy> candidates, List<Diagnostic> diagnostics)
    {
        PolicyMatch? best = null;
        PolicyMatch? tiedByName = null;
        foreach (var policy in candidates)
        {
            var precision = Precision(template, policy.Selectors, policy.Namespace);
            if (precision == MatchPrecision.None) continue;
            var match = new PolicyMatch(policy, precision);
            if (best is null || policy.Priority > best.Policy.Priority || (policy.Priority == best.Policy.Priority && precision > best.Precision))
            {
                best = match;
                tiedByName = null;
            }
            else if (policy.Priority == best.Policy.Priority && precision == best.Precision)
            {
                var (first, second) = string.CompareOrdinal(policy.Name, best.Policy.Name) < 0 ? (match, best) : (best, match);
                best = first;
                tiedByName = second;
            }
        }

        if (best is not null && tiedByName is not null)
        {
            diagnostics.Add(KarmadaPlacementDiagnostics.ChosenByName(best.Policy.Document.At("/metadata/name"), template.DisplayName, best.Policy.DisplayName, tiedByName.Policy.DisplayName));
        }

        return best;
    }

    /// <summary>
    /// The most precise match among <paramref name="selectors"/>. A namespaced policy's selectors without a
    /// namespace mean the policy's own (Karmada's webhook writes it in).
    /// </summary>
    public static MatchPrecision Precision(FederatedResource template, IReadOnlyList<ResourceSelector> selectors, string? policyNamespace)
    {
        var best = MatchPrecision.None;
        foreach (var selector in selectors)
        {
            var precision = Precision(template, selector, policyNamespace);
            if (precision > best) best = precision;
        }

        return best;
    }

    private static MatchPrecision Precision(FederatedResource template, ResourceSelector selector, string? policyNamespace)
    {
        var apiVersion = JsonKinds.IsString(template.Template.Get("apiVersion"), out var written) ? written : template.Target.ApiVersion;
        if (apiVersion != selector.ApiVersion || template.Target.Kind != selector.Kind) return MatchPrecision.None;
        var ns = selector.Namespace ?? policyNamespace;
        if (ns is not null && (template.Namespace ?? string.Empty) != ns) return MatchPrecision.None;
        if (selector.Name is { } name) return name == template.Name ? MatchPrecision.Name : MatchPrecision.None;
        if (selector.LabelSelector is not { } labels) return MatchPrecision.KindOnly;
        if (PlacementResolver.Validate(labels, out _) is not null) return MatchPrecision.None;
        return PlacementResolver.Matches(labels, Labels(template)) ? MatchPrecision.LabelSelector : MatchPrecision.None;
    }

    /// <summary>The template's own labels.</summary>
    public static IReadOnlyDictionary<string, string> Labels(FederatedResource template)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (template.Template.Get("metadata").Get("labels") is JsonObject map)
        {
            foreach (var (key, value) in map)
            {
                if (JsonKinds.IsString(value, out var text)) labels[key] = text;
            }
        }

        return labels;
    }
}
