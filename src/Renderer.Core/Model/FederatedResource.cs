using System.Text.Json.Nodes;
using Renderer.Core.Input;

namespace Renderer.Core.Model;

/// <summary>
/// One <c>Federated&lt;Kind&gt;</c> document, bound to its type: the template, the placement and the overrides.
/// <see cref="Namespace"/> is the federated object's namespace: null for cluster-scoped targets, except a
/// FederatedNamespace, which lives in the namespace it federates.
/// </summary>
public sealed record FederatedResource(
    SourceDocument Document,
    TypeConfig Type,
    string Name,
    string? Namespace,
    JsonObject? Template,
    PlacementSpec Placement,
    IReadOnlyList<ClusterOverride> Overrides)
{
    public string FederatedKind => Type.FederatedKind;

    public TargetType Target => Type.Target;

    /// <summary><c>Kind/namespace/name</c>, or <c>Kind/name</c>: how diagnostics and explain name the target object.</summary>
    public string DisplayName => Target.Namespaced ? $"{Target.Kind}/{Namespace}/{Name}" : $"{Target.Kind}/{Name}";
}
