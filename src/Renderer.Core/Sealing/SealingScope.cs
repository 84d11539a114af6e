namespace Renderer.Core.Sealing;

/// <summary>
/// Where a sealed value may be unsealed, as the sealed-secrets controller reads it from the annotations
/// <c>sealedsecrets.bitnami.com/cluster-wide</c> and <c>.../namespace-wide</c> (<c>"true"</c>; cluster-wide
/// wins): strict binds it to the namespace and name, namespace-wide to the namespace, cluster-wide to nothing.
/// The scope is the RSA-OAEP label.
/// </summary>
public enum SealingScope
{
    Strict,
    NamespaceWide,
    ClusterWide,
}
