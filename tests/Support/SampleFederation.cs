namespace Renderer.Tests.Support;

/// <summary>A small federation for the CLI tests: two clusters (east, west), a namespace on both, a ConfigMap that west overrides.</summary>
public static class SampleFederation
{
    public const string TwoClusters = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: east, labels: {region: east}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: west, labels: {region: west}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: app, namespace: app}
        spec: {placement: {clusterSelector: {}}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedConfigMap
        metadata: {name: settings, namespace: app}
        spec:
          template:
            data: {mode: normal}
          placement: {clusterSelector: {}}
          overrides:
          - clusterName: west
            clusterOverrides:
            - {path: /data/mode, value: failover}
        """;
}
