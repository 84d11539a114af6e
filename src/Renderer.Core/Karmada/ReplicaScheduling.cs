namespace Renderer.Core.Karmada;

/// <summary>
/// <c>placement.replicaScheduling</c>. <see cref="Divided"/> is false for Duplicated (also the default);
/// <see cref="Preference"/> is Weighted (the default for Divided) or Aggregated; <see cref="StaticWeights"/>
/// is null when no weightPreference is given (every cluster then weighs 1).
/// </summary>
public sealed record ReplicaScheduling(bool Divided, string Preference, IReadOnlyList<StaticClusterWeight>? StaticWeights, bool DynamicWeight, string Pointer)
{
    public static ReplicaScheduling Duplicated { get; } = new(false, string.Empty, null, false, string.Empty);
}
