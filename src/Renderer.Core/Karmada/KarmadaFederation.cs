using Renderer.Core.Input;
using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// Everything Karmada inputs declare, bound and checked: member clusters, resource templates (as resources
/// with no placement of their own, so the emitter and layout serve them unchanged), propagation and override
/// policies, and the controller's skipped namespaces.
/// </summary>
public sealed record KarmadaFederation(
    IReadOnlyList<KarmadaCluster> Clusters,
    IReadOnlyList<FederatedResource> Templates,
    IReadOnlyList<PropagationPolicy> Policies,
    IReadOnlyList<OverridePolicy> OverridePolicies)
{
    /// <summary>Anchored patterns of namespaces whose resources are not propagated (karmada-controller-manager's default: kube-.*).</summary>
    public IReadOnlyList<string> SkippedNamespaces { get; init; } = KarmadaDocuments.DefaultSkippedNamespaces;

    public IReadOnlyList<SourceDocument> CustomResourceDefinitions { get; init; } = [];
}
