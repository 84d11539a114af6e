namespace Renderer.Core.Sealing;

/// <summary>
/// What to seal and where: the plain Secret (never an input of the federation), and the placement, as a list
/// of cluster names or a <c>key=value[,key=value]</c> selector; <see cref="UseCertificateDirectory"/> when
/// certificates come from <c>--certs DIR</c> rather than the KubeFedClusters' annotations.
/// </summary>
public sealed record SealRequest(Input.SourceFile Secret, IReadOnlyList<string>? PlacementClusters, string? ClusterSelector, bool UseCertificateDirectory);
