using System.Globalization;
using System.Text;

namespace Renderer.Benchmarks;

/// <summary>
/// A synthetic federation of <c>resources</c> apps (each a Deployment, a ConfigMap and a Service) over
/// <c>clusters</c> clusters, with a FederatedNamespace, list- and selector-based placement and 2-5
/// overrides per cluster per resource: the shape of a retail or edge fleet.
/// </summary>
public static class SyntheticFederation
{
    public static string Generate(int apps, int clusters)
    {
        var text = new StringBuilder();
        for (var c = 0; c < clusters; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata:\n  name: {Cluster(c)}\n  labels:\n    region: r{c % 4}\n    tier: {(c % 3 == 0 ? "edge" : "core")}\n---\n");
        }

        text.Append("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata:\n  name: fleet\n  namespace: fleet\nspec:\n  placement:\n    clusterSelector: {}\n");
        for (var a = 0; a < apps; a++)
        {
            var name = "app-" + a.ToString("D4", CultureInfo.InvariantCulture);
            var placement = a % 2 == 0
                ? "  placement:\n    clusterSelector: {}\n"
                : "  placement:\n    clusters:\n" + string.Concat(Enumerable.Range(0, clusters).Select(c => $"    - name: {Cluster(c)}\n"));
            text.Append(CultureInfo.InvariantCulture, $"""
                ---
                apiVersion: types.kubefed.io/v1beta1
                kind: FederatedDeployment
                metadata:
                  name: {name}
                  namespace: fleet
                spec:
                  template:
                    metadata:
                      labels:
                        app: {name}
                    spec:
                      replicas: 2
                      selector:
                        matchLabels:
                          app: {name}
                      template:
                        metadata:
                          labels:
                            app: {name}
                        spec:
                          containers:
                          - name: app
                            image: registry.example.com/{name}:1.0.0
                            env:
                            - name: MODE
                              value: production
                            - name: LOG_LEVEL
                              value: info
                            ports:
                            - containerPort: 8080
                              name: http
                            readinessProbe:
                              httpGet:
                                path: /healthz
                                port: http
                            resources:
                              requests:
                                cpu: 100m
                                memory: 128Mi
                              limits:
                                cpu: 500m
                                memory: 256Mi

                """);
            text.Append(placement);
            text.Append("  overrides:\n");
            for (var c = 0; c < clusters; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - clusterName: {Cluster(c)}\n    clusterOverrides:\n    - path: /spec/replicas\n      value: {3 + ((a + c) % 5)}\n    - path: /spec/template/spec/containers/0/image\n      value: registry.example.com/{name}:1.0.{1 + (c % 7)}\n");
                if ((a + c) % 2 == 0) text.Append(CultureInfo.InvariantCulture, $"    - op: add\n      path: /spec/template/spec/containers/0/env/-\n      value:\n        name: CLUSTER\n        value: {Cluster(c)}\n");
                if ((a + c) % 3 == 0) text.Append("    - path: /spec/template/spec/containers/0/resources/limits/memory\n      value: 512Mi\n");
            }

            text.Append(CultureInfo.InvariantCulture, $$"""
                ---
                apiVersion: types.kubefed.io/v1beta1
                kind: FederatedConfigMap
                metadata:
                  name: {{name}}
                  namespace: fleet
                spec:
                  template:
                    data:
                      settings.yaml: |
                        feature.flags: [a, b, c]
                        upstream: http://{{name}}.fleet.svc:8080
                        timeout: 30s
                  placement:
                    clusterSelector: {}
                  overrides:
                  - clusterName: {{Cluster(a % clusters)}}
                    clusterOverrides:
                    - op: add
                      path: /data/region
                      value: local
                ---
                apiVersion: types.kubefed.io/v1beta1
                kind: FederatedService
                metadata:
                  name: {{name}}
                  namespace: fleet
                spec:
                  template:
                    spec:
                      selector:
                        app: {{name}}
                      ports:
                      - name: http
                        port: 80
                        targetPort: http
                  placement:
                    clusterSelector: {}

                """);
        }

        return text.ToString();
    }

    public static string Cluster(int index) => "cluster-" + index.ToString("D3", CultureInfo.InvariantCulture);
}
