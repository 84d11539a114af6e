using Renderer.Core.Diagnostics;
using Renderer.Core.Model;
using Renderer.Core.Pipeline;

namespace Renderer.Core.Karmada;

/// <summary>
/// Places every resource template: templates in Karmada's reserved or the controller's skipped namespaces go
/// nowhere; a Namespace goes to every cluster unless it carries the skip-auto-propagation label (or is
/// <c>default</c>, reserved or skipped), and also wherever a ClusterPropagationPolicy sends it; anything else
/// goes where the policy that claims it sends it, its replicas divided as that policy says.
/// </summary>
public static class TemplatePlacer
{
    public static Dictionary<FederatedResource, TemplatePlacement> Place(KarmadaFederation federation, List<Diagnostic> diagnostics)
    {
        CheckAffinities(federation, diagnostics);
        var result = new Dictionary<FederatedResource, TemplatePlacement>(ReferenceEqualityComparer.Instance);
        var all = federation.Clusters.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        foreach (var template in federation.Templates)
        {
            result[template] = Place(template, federation, all, diagnostics);
        }

        return result;
    }

    private static TemplatePlacement Place(FederatedResource template, KarmadaFederation federation, IReadOnlyList<string> all, List<Diagnostic> diagnostics)
    {
        var at = template.Document.At("/metadata/name");
        if (template.Namespace is { } ns)
        {
            if (KarmadaDocuments.IsReservedNamespace(ns))
            {
                diagnostics.Add(KarmadaPlacementDiagnostics.ReservedNamespace(template.Document.At("/metadata/namespace"), template.DisplayName, ns));
                return new TemplatePlacement(null, false, ReplicaAssignment.Nothing, $"namespace {ns} is reserved by Karmada");
            }

            if (NamespaceSkipList.Skipping(federation.SkippedNamespaces, ns) is { } pattern)
            {
                diagnostics.Add(KarmadaPlacementDiagnostics.SkippedNamespace(template.Document.At("/metadata/namespace"), template.DisplayName, ns, pattern));
                return new TemplatePlacement(null, false, ReplicaAssignment.Nothing, $"namespace {ns} is skipped by --skipped-propagating-namespaces (\"{pattern}\")");
            }
        }

        var match = PolicyMatcher.Match(template, federation.Policies, diagnostics);
        var auto = DocumentBinder.IsNamespace(template.Target) && AutoPropagated(template, federation);
        if (match is null)
        {
            if (auto) return new TemplatePlacement(null, true, new ReplicaAssignment(all, null, null), null);
            var crd = template.Target.Kind == "CustomResourceDefinition";
            if (!crd) diagnostics.Add(KarmadaPlacementDiagnostics.NoPolicy(at, template.DisplayName));
            return new TemplatePlacement(null, false, ReplicaAssignment.Nothing, "no propagation policy selects it");
        }

        var selected = federation.Clusters.Where(c => match.Policy.Affinity is not { } affinity || ClusterAffinityMatcher.Matches(c, affinity)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        if (selected.Count == 0 && !auto) diagnostics.Add(KarmadaPlacementDiagnostics.NoClusterSelected(match.Policy.Document.At(match.Policy.Affinity?.Pointer ?? "/spec"), match.Policy.DisplayName, template.DisplayName));
        var assignment = ReplicaDivider.Assign(template, match.Policy, selected, diagnostics);
        if (auto) assignment = new ReplicaAssignment(all, null, null);
        return new TemplatePlacement(match, auto, assignment, assignment.Clusters.Count == 0 ? "its policy's placement matches no cluster" : null);
    }

    /// <summary>Whether Karmada's namespace controller sends this Namespace to every cluster by itself.</summary>
    public static bool AutoPropagated(FederatedResource ns, KarmadaFederation federation)
    {
        if (PolicyMatcher.Labels(ns).TryGetValue(KarmadaDocuments.SkipAutoPropagationLabel, out var skip) && string.Equals(skip, "true", StringComparison.OrdinalIgnoreCase)) return false;
        return ns.Name != "default" && !KarmadaDocuments.IsReservedNamespace(ns.Name) && NamespaceSkipList.Skipping(federation.SkippedNamespaces, ns.Name) is null;
    }

    private static void CheckAffinities(KarmadaFederation federation, List<Diagnostic> diagnostics)
    {
        foreach (var policy in federation.Policies)
        {
            if (policy.Affinity is { } affinity) ClusterAffinityMatcher.Check(affinity, policy.Document, federation.Clusters, diagnostics);
            foreach (var weight in policy.Replicas.StaticWeights ?? []) ClusterAffinityMatcher.Check(weight.Target, policy.Document, federation.Clusters, diagnostics);
            foreach (var selector in policy.Selectors) CheckSelector(selector, policy.Document, diagnostics);
        }

        foreach (var policy in federation.OverridePolicies)
        {
            foreach (var rule in policy.Rules)
            {
                if (rule.Target is { } target) ClusterAffinityMatcher.Check(target, policy.Document, federation.Clusters, diagnostics);
            }

            foreach (var selector in policy.Selectors) CheckSelector(selector, policy.Document, diagnostics);
        }
    }

    private static void CheckSelector(ResourceSelector selector, Input.SourceDocument document, List<Diagnostic> diagnostics)
    {
        if (selector.LabelSelector is { } labels && selector.Name is null && PlacementResolver.Validate(labels, out var at) is { } problem)
        {
            diagnostics.Add(KarmadaPlacementDiagnostics.InvalidSelector(document.At(at), problem));
        }
    }
}
