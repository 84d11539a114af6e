using System.Globalization;
using System.Text;

namespace Renderer.Benchmarks;

/// <summary>
/// A synthetic fleet: <c>apps</c> apps (each a Deployment with env, probes and resources, a ConfigMap with
/// multi-line data, and a Service) over <c>clusters</c> clusters in one FederatedNamespace, half placed by
/// selector and half by list, with 2-4 overrides per cluster per Deployment. The same fleet can be written
/// as KubeFed documents or as the equivalent kustomize base plus one overlay per cluster with JSON6902
/// patches, so both tools produce the same objects.
/// </summary>
public static class SyntheticFederation
{
    public static string Cluster(int index) => "cluster-" + index.ToString("D3", CultureInfo.InvariantCulture);

    private static string App(int index) => "app-" + index.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The overrides of one Deployment on one cluster, as (op, path, YAML value) triples.</summary>
    private static IEnumerable<(string Op, string Path, string Value)> Overrides(int a, int c)
    {
        yield return ("replace", "/spec/replicas", (3 + ((a + c) % 5)).ToString(CultureInfo.InvariantCulture));
        yield return ("replace", "/spec/template/spec/containers/0/image", $"registry.example.com/{App(a)}:1.0.{1 + (c % 7)}");
        if ((a + c) % 2 == 0) yield return ("add", "/spec/template/spec/containers/0/env/-", $"{{name: CLUSTER, value: {Cluster(c)}}}");
        if ((a + c) % 3 == 0) yield return ("replace", "/spec/template/spec/containers/0/resources/limits/memory", "512Mi");
    }

    private static string DeploymentBody(string name, string indent) => Indent($"""
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
        """, indent);

    private static string ConfigData(string name, string indent) => Indent($"""
        settings.yaml: |
          feature.flags: [a, b, c]
          upstream: http://{name}.fleet.svc:8080
          timeout: 30s
        """, indent);

    private static string ServiceBody(string name, string indent) => Indent($"""
        selector:
          app: {name}
        ports:
        - name: http
          port: 80
          targetPort: http
        """, indent);

    private static string Indent(string text, string indent) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Length == 0 ? "\n" : indent + l + "\n"));

    /// <summary>The fleet as KubeFed documents.</summary>
    public static string Generate(int apps, int clusters)
    {
        var text = new StringBuilder();
        for (var c = 0; c < clusters; c++)
        {
            text.Append(CultureInfo.InvariantCulture, $"apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata:\n  name: {Cluster(c)}\n  labels:\n    region: r{c % 4}\n---\n");
        }

        text.Append("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata:\n  name: fleet\n  namespace: fleet\nspec:\n  placement:\n    clusterSelector: {}\n");
        for (var a = 0; a < apps; a++)
        {
            var name = App(a);
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedDeployment\nmetadata:\n  name: {name}\n  namespace: fleet\nspec:\n  template:\n    metadata:\n      labels:\n        app: {name}\n    spec:\n");
            text.Append(DeploymentBody(name, "      "));
            text.Append(a % 2 == 0
                ? "  placement:\n    clusterSelector: {}\n"
                : "  placement:\n    clusters:\n" + string.Concat(Enumerable.Range(0, clusters).Select(c => $"    - name: {Cluster(c)}\n")));
            text.Append("  overrides:\n");
            for (var c = 0; c < clusters; c++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - clusterName: {Cluster(c)}\n    clusterOverrides:\n");
                foreach (var (op, path, value) in Overrides(a, c)) text.Append(CultureInfo.InvariantCulture, $"    - op: {op}\n      path: {path}\n      value: {value}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata:\n  name: {name}\n  namespace: fleet\nspec:\n  template:\n    data:\n");
            text.Append(ConfigData(name, "      "));
            text.Append(CultureInfo.InvariantCulture, $"  placement:\n    clusterSelector: {{}}\n  overrides:\n  - clusterName: {Cluster(a % clusters)}\n    clusterOverrides:\n    - op: add\n      path: /data/region\n      value: local\n");
            text.Append(CultureInfo.InvariantCulture, $"---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedService\nmetadata:\n  name: {name}\n  namespace: fleet\nspec:\n  template:\n    spec:\n");
            text.Append(ServiceBody(name, "      "));
            text.Append("  placement:\n    clusterSelector: {}\n");
        }

        return text.ToString();
    }

    /// <summary>The same fleet as a kustomize base and one overlay per cluster, written below <paramref name="directory"/>.</summary>
    public static void WriteKustomize(int apps, int clusters, string directory)
    {
        var label = "    kubefed.io/managed: \"true\"\n";
        var baseDirectory = Path.Combine(directory, "base");
        Directory.CreateDirectory(baseDirectory);
        var resources = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- namespace.yaml\n");
        File.WriteAllText(Path.Combine(baseDirectory, "namespace.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fleet\n  labels:\n" + label);
        for (var a = 0; a < apps; a++)
        {
            var name = App(a);
            var objects = new StringBuilder();
            objects.Append(CultureInfo.InvariantCulture, $"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\n  namespace: fleet\n  labels:\n    app: {name}\n{label}spec:\n");
            objects.Append(DeploymentBody(name, "  "));
            objects.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: fleet\n  labels:\n{label}data:\n");
            objects.Append(ConfigData(name, "  "));
            objects.Append(CultureInfo.InvariantCulture, $"---\napiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: fleet\n  labels:\n{label}spec:\n");
            objects.Append(ServiceBody(name, "  "));
            File.WriteAllText(Path.Combine(baseDirectory, name + ".yaml"), objects.ToString());
            resources.Append(CultureInfo.InvariantCulture, $"- {name}.yaml\n");
        }

        File.WriteAllText(Path.Combine(baseDirectory, "kustomization.yaml"), resources.ToString());
        for (var c = 0; c < clusters; c++)
        {
            var overlay = Path.Combine(directory, "overlays", Cluster(c));
            Directory.CreateDirectory(overlay);
            var text = new StringBuilder("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n- ../../base\npatches:\n");
            for (var a = 0; a < apps; a++)
            {
                text.Append(CultureInfo.InvariantCulture, $"- target: {{kind: Deployment, name: {App(a)}}}\n  patch: |-\n");
                foreach (var (op, path, value) in Overrides(a, c)) text.Append(CultureInfo.InvariantCulture, $"    - op: {op}\n      path: {path}\n      value: {value}\n");
                if (a % clusters == c) text.Append(CultureInfo.InvariantCulture, $"- target: {{kind: ConfigMap, name: {App(a)}}}\n  patch: |-\n    - op: add\n      path: /data/region\n      value: local\n");
            }

            File.WriteAllText(Path.Combine(overlay, "kustomization.yaml"), text.ToString());
        }
    }
}
