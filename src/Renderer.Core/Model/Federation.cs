namespace Renderer.Core.Model;

/// <summary>Everything the inputs declare, bound and checked: clusters, type mappings and federated resources.</summary>
public sealed record Federation(
    IReadOnlyList<MemberCluster> Clusters,
    IReadOnlyList<TypeConfig> TypeConfigs,
    IReadOnlyList<FederatedResource> Resources)
{
    /// <summary>The FederatedNamespaces by name whose name equals their namespace (rule 12).</summary>
    public IReadOnlyDictionary<string, FederatedResource> Namespaces { get; init; } =
        new Dictionary<string, FederatedResource>(StringComparer.Ordinal);

    /// <summary>The ReplicaSchedulingPreferences, in input order.</summary>
    public IReadOnlyList<ReplicaSchedulingPreference> Preferences { get; init; } = [];

    /// <summary>CustomResourceDefinition documents among the inputs: schemas for custom kinds, not propagated.</summary>
    public IReadOnlyList<Input.SourceDocument> CustomResourceDefinitions { get; init; } = [];

    /// <summary>The KubeFedConfig of the inputs, if they hold one.</summary>
    public KubeFedConfig? Config { get; init; }
}
