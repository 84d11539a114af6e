using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Validation;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary>The editor and kubeconform schemas, checked with ajv (not fedrender's validator) on the ELK example.</summary>
public sealed class EditorSchemaTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-schemas-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static IReadOnlyList<SourceFile> Elk() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => SourceFile.FromText(Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

    private string Write(SchemaSet set)
    {
        var directory = Path.Combine(temp, "schemas");
        foreach (var file in set.Files)
        {
            var path = Path.Combine(directory, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path) ?? directory);
            File.WriteAllText(path, file.Content);
        }

        return directory;
    }

    private static List<JsonObject> Ajv(string schemas, params string[] files)
    {
        Assert.Null(SchemaCheckFactAttribute.Missing());
        var result = ExternalProcess.Run("node", [Path.Combine(SchemaCheckFactAttribute.Directory, "validate.mjs"), schemas, .. files], RepositoryPaths.Root);
        Assert.True(result.Exit == 0, result.Error);
        return result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)?.AsObject() ?? []).ToList();
    }

    [Fact]
    public void EveryKnownKindGetsASchemaNamedAsKubeconformLooksItUp()
    {
        var set = FederationRenderer.Schemas(Elk(), RenderOptions.Default, string.Empty);
        Assert.False(set.HasErrors, string.Join('\n', set.Diagnostics));
        var paths = set.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        foreach (var builtIn in Core.Model.BuiltInTypes.All) Assert.Contains($"types.kubefed.io/{builtIn.FederatedKind.ToLowerInvariant()}_v1beta1.json", paths);
        Assert.Contains("types.kubefed.io/federatedprometheusrule_v1beta1.json", paths);
        Assert.Contains("core.kubefed.io/kubefedcluster_v1beta1.json", paths);
        Assert.Contains("core.kubefed.io/federatedtypeconfig_v1beta1.json", paths);
        Assert.Contains("core.kubefed.io/kubefedconfig_v1beta1.json", paths);
        Assert.Contains("scheduling.kubefed.io/replicaschedulingpreference_v1alpha1.json", paths);

        var catalog = JsonNode.Parse(set.Files.Single(f => f.RelativePath == EditorSchemas.CatalogFile).Content)?.AsObject() ?? [];
        var urls = (catalog["schemas"]?.AsArray() ?? []).Select(s => (string?)s?["url"]).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(paths.Where(p => p != EditorSchemas.CatalogFile).Order(StringComparer.Ordinal), urls.Order(StringComparer.Ordinal));
    }

    [SchemaCheckFact]
    public void EveryElkDocumentValidatesWithAjv()
    {
        var schemas = Write(FederationRenderer.Schemas(Elk(), RenderOptions.Default, string.Empty));
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var results = Ajv(schemas, files);
        Assert.True(results.Count > 40, $"only {results.Count} documents were checked");
        Assert.All(results.Where(r => (string?)r["status"] != "skipped"), r => Assert.True((string?)r["status"] == "valid", r.ToJsonString()));
        // Only the plain CustomResourceDefinition has no KubeFed schema (kubeconform's default location covers it).
        Assert.Equal(["CustomResourceDefinition"], results.Where(r => (string?)r["status"] == "skipped").Select(r => (string?)r["kind"]).Distinct());
    }

    [SchemaCheckFact]
    public void ReplicasAsTextInATemplateIsRejectedAtItsPath()
    {
        var schemas = Write(FederationRenderer.Schemas(Elk(), RenderOptions.Default, string.Empty));
        var document = Path.Combine(temp, "kibana.yaml");
        File.WriteAllText(document, """
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedDeployment
            metadata:
              name: kibana
              namespace: elastic
            spec:
              template:
                spec:
                  replicas: "three"
                  selector: {matchLabels: {app: kibana}}
                  template:
                    metadata: {labels: {app: kibana}}
                    spec:
                      containers:
                      - name: kibana
                        image: docker.elastic.co/kibana/kibana:8.7.1
              placement:
                clusters:
                - name: cluster1
            """);
        var result = Assert.Single(Ajv(schemas, document));
        Assert.Equal("invalid", (string?)result["status"]);
        var error = Assert.Single(result["errors"]?.AsArray() ?? []);
        Assert.Equal("/spec/template/spec/replicas", (string?)error?["instancePath"]);
        Assert.Equal("type", (string?)error?["keyword"]);
    }

    [SchemaCheckFact]
    public void PlacementAndOverridesAreTypedExactly()
    {
        var schemas = Write(FederationRenderer.Schemas(Elk(), RenderOptions.Default, string.Empty));
        var document = Path.Combine(temp, "settings.yaml");
        File.WriteAllText(document, """
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedConfigMap
            metadata: {name: settings, namespace: app}
            spec:
              template:
                data: {mode: normal}
              placement:
                clusters:
                - name: Cluster_1
                clusterSelector:
                  matchExpressions:
                  - {key: region, operator: Like, values: [eu]}
              overrides:
              - clusterName: eu.west.
                clusterOverrides:
                - {op: move, path: data/mode, value: failover}
            """);
        var result = Assert.Single(Ajv(schemas, document));
        var failed = (result["errors"]?.AsArray() ?? []).Select(e => $"{(string?)e?["instancePath"]} {(string?)e?["keyword"]}").Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "/spec/overrides/0/clusterName pattern",
                "/spec/overrides/0/clusterOverrides/0/op enum",
                "/spec/overrides/0/clusterOverrides/0/path pattern",
                "/spec/placement/clusterSelector/matchExpressions/0/operator enum",
                "/spec/placement/clusters/0/name pattern",
            ],
            failed);
    }
}
