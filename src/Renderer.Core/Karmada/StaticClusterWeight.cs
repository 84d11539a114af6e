namespace Renderer.Core.Karmada;

/// <summary>One <c>weightPreference.staticWeightList</c> entry: the clusters it targets and their weight.</summary>
public sealed record StaticClusterWeight(ClusterAffinity Target, long Weight, string Pointer);
