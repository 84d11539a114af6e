namespace Renderer.Core.Model;

/// <summary>The scope of the KubeFed control plane being emulated (rules 11 and 16).</summary>
public enum ControlPlaneScope
{
    /// <summary>KubeFed's default: every namespace can be federated; a namespace needs a FederatedNamespace.</summary>
    Cluster,

    /// <summary>A control plane limited to its own namespace: no namespace gating, no cluster-scoped types.</summary>
    Namespaced,
}
