namespace Renderer.Core.Karmada;

/// <summary>One <c>overrideRules</c> entry (or the older spec-level targetCluster and overriders): null target means every cluster.</summary>
public sealed record OverrideRule(ClusterAffinity? Target, IReadOnlyList<Overrider> Overriders, string Pointer);
