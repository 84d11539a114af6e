using Renderer.Core.Diagnostics;

namespace Renderer.Core.Karmada;

/// <summary>
/// A <c>cluster.karmada.io/v1alpha1</c> Cluster: what placement and override targets match. <see cref="Provider"/>
/// and <see cref="Region"/> are null when unset; <see cref="Zones"/> holds <c>spec.zones</c> (or the older
/// single <c>spec.zone</c>).
/// </summary>
public sealed record KarmadaCluster(
    string Name,
    IReadOnlyDictionary<string, string> Labels,
    string? Provider,
    string? Region,
    IReadOnlyList<string> Zones,
    SourceLocation Location);
