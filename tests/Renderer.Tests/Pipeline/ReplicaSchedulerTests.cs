using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Tests.Pipeline;

public sealed class ReplicaSchedulerTests
{
    private const string Federation = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: a, labels: {tier: gold}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: b, labels: {tier: gold}, annotations: {fedrender.io/replica-capacity: "4"}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: c}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedNamespace
        metadata: {name: web, namespace: web}
        spec: {placement: {clusterSelector: {}}}
        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedDeployment
        metadata: {name: api, namespace: web}
        spec:
          template:
            spec:
              replicas: 1
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: api, image: api:1}]}
          placement:
            clusterSelector: {matchLabels: {tier: gold}}
          overrides:
          - clusterName: a
            clusterOverrides:
            - {op: add, path: /spec/paused, value: true}
        """;

    private static RenderPlan Plan(string preference) =>
        FederationRenderer.Plan([SourceFile.FromText("fed.yaml", Federation + "\n---\n" + preference)], RenderOptions.Default);

    private static Dictionary<string, long> Replicas(RenderPlan plan) =>
        plan.Clusters
            .SelectMany(c => c.Objects.Where(o => o.Kind == "Deployment").Select(o => (c.Cluster, Replicas: o.Object["spec"]?["replicas"]?.GetValue<long>() ?? -1)))
            .ToDictionary(p => p.Cluster, p => p.Replicas, StringComparer.Ordinal);

    [Fact]
    public void WeightsDivideTotalOverEveryRegisteredCluster()
    {
        var plan = Plan("""
            apiVersion: scheduling.kubefed.io/v1alpha1
            kind: ReplicaSchedulingPreference
            metadata: {name: api, namespace: web}
            spec:
              targetKind: FederatedDeployment
              totalReplicas: 9
              clusters:
                a: {weight: 2}
                c: {weight: 1}
            """);
        Assert.DoesNotContain(plan.Diagnostics, d => d.IsError);
        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["b"] = 0, ["c"] = 3 }, Replicas(plan));
        var a = plan.Clusters.Single(c => c.Cluster == "a").Objects.Single(o => o.Kind == "Deployment").Object;
        Assert.True(a["spec"]?["paused"]?.GetValue<bool>());
    }

    [Fact]
    public void IntersectWithClusterSelectorLimitsCandidatesAndCapacityOverflowWarns()
    {
        var plan = Plan("""
            apiVersion: scheduling.kubefed.io/v1alpha1
            kind: ReplicaSchedulingPreference
            metadata: {name: api, namespace: web}
            spec:
              targetKind: FederatedDeployment
              totalReplicas: 10
              intersectWithClusterSelector: true
              rebalance: true
              clusters:
                "*": {weight: 1}
            """);
        // b's capacity is 4: the planner gives a 6 and b 4 with 1 overflow, and KubeFed's scheduler adds
        // the overflow back onto b (so pending pods reveal the shortage), as the renderer does.
        Assert.Equal(new Dictionary<string, long> { ["a"] = 6, ["b"] = 5 }, Replicas(plan));
        var overflow = Assert.Single(plan.Diagnostics, d => d.Code == "FR6003");
        Assert.Equal("b", overflow.Cluster);
    }

    [Fact]
    public void PreferenceForMissingTargetWarns()
    {
        var plan = Plan("""
            apiVersion: scheduling.kubefed.io/v1alpha1
            kind: ReplicaSchedulingPreference
            metadata: {name: nothing, namespace: web}
            spec: {targetKind: FederatedDeployment, totalReplicas: 3}
            """);
        Assert.Equal("FR6001", Assert.Single(plan.Diagnostics).Code);
    }

    [Fact]
    public void WrongTargetKindIsAnError()
    {
        var plan = Plan("""
            apiVersion: scheduling.kubefed.io/v1alpha1
            kind: ReplicaSchedulingPreference
            metadata: {name: api, namespace: web}
            spec: {targetKind: FederatedStatefulSet, totalReplicas: 3}
            """);
        Assert.Equal("FR6002", Assert.Single(plan.Diagnostics).Code);
    }

    [Fact]
    public void NamespacedControlPlaneSkipsClusterScopedTypes()
    {
        var plan = Plan("""
            apiVersion: core.kubefed.io/v1beta1
            kind: KubeFedConfig
            metadata: {name: kubefed, namespace: web}
            spec: {scope: Namespaced}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedClusterRole
            metadata: {name: reader}
            spec: {placement: {clusterSelector: {}}}
            """);
        Assert.Equal("FR3006", Assert.Single(plan.Diagnostics).Code);
        Assert.DoesNotContain(plan.Clusters.SelectMany(c => c.Objects), o => o.Kind == "ClusterRole" || o.Kind == "Namespace");
    }
}
