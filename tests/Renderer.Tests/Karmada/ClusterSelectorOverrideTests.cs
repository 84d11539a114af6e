using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Karmada;

namespace Renderer.Tests.Karmada;

/// <summary>fedrender's extension: spec.overrides entries that select clusters by label, applied in list order, migrated onto targetCluster.labelSelector.</summary>
public sealed class ClusterSelectorOverrideTests
{
    private const string Federation = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: eu-1, labels: {region: eu}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: eu-2, labels: {region: eu}}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: us-1, labels: {region: us}}
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
            data: {mode: normal, tier: free}
          placement: {clusterSelector: {}}
          overrides:
          - clusterSelector:
              matchLabels: {region: eu}
            clusterOverrides:
            - {path: /data/mode, value: eu}
            - {path: /data/tier, value: gold}
          - clusterName: eu-2
            clusterOverrides:
            - {path: /data/mode, value: eu-2-only}
        """;

    private static readonly SourceFile Input = SourceFile.FromText("federation.yaml", Federation);

    [Fact]
    public void SelectorEntriesApplyToEveryMatchingClusterInListOrder()
    {
        var plan = FederationRenderer.Plan([Input], RenderOptions.Default);
        Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
        string Mode(string cluster) => (string?)plan.Clusters.Single(c => c.Cluster == cluster).Objects.Single(o => o.Kind == "ConfigMap").Object["data"]?["mode"] ?? "?";
        Assert.Equal("eu", Mode("eu-1"));
        Assert.Equal("eu-2-only", Mode("eu-2"));
        Assert.Equal("normal", Mode("us-1"));
    }

    [Fact]
    public void ValidateSaysTheSelectorIsAnExtension()
    {
        var plan = FederationRenderer.Plan([Input], RenderOptions.Default);
        var info = Assert.Single(plan.Diagnostics, d => d.Code == "FR4109");
        Assert.Equal(Renderer.Core.Diagnostics.Severity.Info, info.Severity);
        Assert.Equal(26, info.Location.Line);
    }

    [Fact]
    public void NameAndSelectorTogetherAreAnError()
    {
        var text = Federation.Replace("  - clusterSelector:\n      matchLabels: {region: eu}", "  - clusterSelector:\n      matchLabels: {region: eu}\n    clusterName: us-1", StringComparison.Ordinal);
        var plan = FederationRenderer.Plan([SourceFile.FromText("federation.yaml", text)], RenderOptions.Default);
        Assert.Contains(plan.Diagnostics, d => d.Code == "FR4110" && d.IsError);
    }

    [Fact]
    public void MigrationMapsTheSelectorOntoTargetClusterLabelSelectorAndVerifies()
    {
        var result = KarmadaMigration.Migrate([Input], RenderOptions.Default);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var configMap = result.Files.Single(f => f.RelativePath == "app/configmap-settings.yaml").Content;
        Assert.Contains("  - targetCluster:\n      labelSelector:\n        matchLabels:\n          region: eu\n", configMap, StringComparison.Ordinal);
        Assert.True(configMap.IndexOf("region: eu", StringComparison.Ordinal) < configMap.IndexOf("- eu-2", StringComparison.Ordinal), "the selector rule must come first, as in the list");
        var migrated = result.Files.Select(f => SourceFile.FromText("k/" + f.RelativePath, f.Content)).ToList();
        var verified = KarmadaMigration.Verify([Input], migrated, RenderOptions.Default);
        Assert.False(verified.HasErrors, string.Join("\n", verified.Diagnostics));
        Assert.Equal(3, verified.Clusters);
    }
}
