using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Tests.Pipeline;

/// <summary>The whole pipeline up to emission, on small federations.</summary>
public sealed class FederationPlanTests
{
    private const string Clusters = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: c1, labels: {region: eu}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: c2, labels: {region: us}}
        """;

    private static RenderPlan Plan(string yaml, RenderOptions? options = null) =>
        FederationRenderer.Plan([SourceFile.FromText("clusters.yaml", Clusters), SourceFile.FromText("app.yaml", yaml)], options ?? RenderOptions.Default);

    [Fact]
    public void NamespacedResourceGoesWhereItsNamespaceGoes()
    {
        var plan = Plan("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedNamespace
            metadata: {name: app, namespace: app}
            spec: {placement: {clusters: [{name: c1}]}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedConfigMap
            metadata: {name: cfg, namespace: app}
            spec: {placement: {clusterSelector: {}}}
            """);
        Assert.Empty(plan.Diagnostics);
        var cluster = Assert.Single(plan.Clusters);
        Assert.Equal("c1", cluster.Cluster);
        Assert.Equal(["_cluster/namespace-app.yaml", "app/configmap-cfg.yaml"], cluster.Objects.Select(o => o.RelativePath));
    }

    [Fact]
    public void ResourceInUnfederatedNamespaceGoesNowhereWithAWarning()
    {
        var plan = Plan("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: cfg, namespace: app}\nspec: {placement: {clusterSelector: {}}}\n");
        Assert.Empty(plan.Clusters);
        Assert.Equal("FR3003", Assert.Single(plan.Diagnostics).Code);
    }

    [Fact]
    public void SystemNamespaceGatesButRendersNoNamespace()
    {
        var plan = Plan("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedNamespace
            metadata: {name: default, namespace: default}
            spec: {placement: {clusters: [{name: c2}]}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedConfigMap
            metadata: {name: cfg, namespace: default}
            spec: {placement: {clusterSelector: {}}}
            """);
        var cluster = Assert.Single(plan.Clusters);
        Assert.Equal(("c2", "default/configmap-cfg.yaml"), (cluster.Cluster, Assert.Single(cluster.Objects).RelativePath));
    }

    [Fact]
    public void StrictTurnsWarningsIntoErrors()
    {
        const string yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n";
        Assert.False(Plan(yaml).HasErrors);
        Assert.True(Plan(yaml, new RenderOptions { Strict = true }).HasErrors);
    }

    [Fact]
    public void OverrideForUnselectedClusterWarns()
    {
        var plan = Plan("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedClusterRole
            metadata: {name: reader}
            spec:
              placement: {clusters: [{name: c1}]}
              overrides:
              - clusterName: c2
                clusterOverrides: [{path: /rules, value: []}]
            """);
        var warning = Assert.Single(plan.Diagnostics);
        Assert.Equal(("FR4008", "c2", 7), (warning.Code, warning.Cluster, warning.Location.Line));
        Assert.Equal("_cluster/clusterrole-reader.yaml", Assert.Single(Assert.Single(plan.Clusters).Objects).RelativePath);
    }

    [Fact]
    public void ObjectsAreListedInApplyOrder()
    {
        var plan = Plan("""
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedNamespace
            metadata: {name: app, namespace: app}
            spec: {placement: {clusterSelector: {}}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedDeployment
            metadata: {name: a, namespace: app}
            spec: {placement: {clusterSelector: {}}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedService
            metadata: {name: a, namespace: app}
            spec: {placement: {clusterSelector: {}}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedServiceAccount
            metadata: {name: a, namespace: app}
            spec: {placement: {clusterSelector: {}}}
            """);
        Assert.Equal(["Namespace", "ServiceAccount", "Service", "Deployment"], plan.Clusters[0].Objects.Select(o => o.Kind));
    }
}
