using Renderer.Core.Diagnostics;

namespace Renderer.Core.Sealing;

/// <summary>
/// One cluster to seal for and where its certificate is declared: a path relative to the KubeFedCluster's
/// file (already joined to that file's directory, forward slashes), or null when it comes from <c>--certs</c>.
/// </summary>
public sealed record SealTarget(string Cluster, string? CertificatePath, SourceLocation DeclaredAt);
