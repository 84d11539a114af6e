using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Tests.Validation;

/// <summary>Integer formats and ranges, the API server's minimums, its size limits, and overrides of /apiVersion.</summary>
public sealed class ApiServerLimitsTests
{
    private const string Head = "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: c1, namespace: kube-federation-system}\n---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {name: a, namespace: a}\nspec: {placement: {clusters: [{name: c1}]}}\n---\n";

    private static IReadOnlyList<Diagnostic> Validate(string text) =>
        FederationRenderer.Render([SourceFile.FromText("in.yaml", Head + text)], RenderOptions.Default).Diagnostics;

    private static string Deployment(string specExtra, string podExtra = "", string overrides = "") =>
        "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedDeployment\nmetadata: {name: web, namespace: a}\nspec:\n  template:\n    spec:\n" + specExtra +
        "      selector: {matchLabels: {app: web}}\n      template:\n        metadata: {labels: {app: web}}\n        spec:\n" + podExtra +
        "          containers: [{name: web, image: nginx}]\n  placement: {clusters: [{name: c1}]}\n" + overrides;

    [Theory]
    [InlineData("      replicas: -1\n", "FR7008", "at least 0")]
    [InlineData("      replicas: 3000000000\n", "FR7007", "int32")]
    [InlineData("      progressDeadlineSeconds: -5\n", "FR7008", "at least 0")]
    public void NumbersOutsideWhatTheApiServerAcceptsAreErrorsAtTheirLine(string spec, string code, string words)
    {
        var d = Assert.Single(Validate(Deployment(spec)), x => x.IsError);
        Assert.Equal(code, d.Code);
        Assert.Contains(words, d.Message, StringComparison.Ordinal);
        Assert.Equal(16, d.Location.Line);
    }

    [Fact]
    public void PodFieldsHaveTheirMinimumsToo()
    {
        var d = Assert.Single(Validate(Deployment(string.Empty, "          terminationGracePeriodSeconds: -1\n")), x => x.IsError);
        Assert.Equal("FR7008", d.Code);
    }

    [Fact]
    public void HugeNumberIsReportedAsFedrenderWritesIt()
    {
        var diagnostics = Validate(Deployment("      revisionHistoryLimit: 99999999999999999999\n"));
        Assert.Contains(diagnostics, d => d.Code == "FR1015");
        var d = Assert.Single(diagnostics, x => x.IsError);
        Assert.Equal("FR7007", d.Code);
        Assert.Contains("100000000000000000000 as fedrender writes it", d.Message, StringComparison.Ordinal);
        Assert.Contains("refuses the object", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOverrideThatBreaksAMinimumIsReportedAtTheOverride()
    {
        var d = Assert.Single(Validate(Deployment("      replicas: 1\n", string.Empty, "  overrides:\n  - clusterName: c1\n    clusterOverrides:\n    - path: /spec/replicas\n      value: -2\n")), x => x.IsError);
        Assert.Equal(("FR7008", "c1"), (d.Code, d.Cluster));
    }

    [Fact]
    public void ConfigMapDataOverOneMebibyteIsAnErrorAtItsLargestEntry()
    {
        var big = new string('x', 600 * 1024);
        var d = Assert.Single(Validate($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {{name: c, namespace: a}}\nspec:\n  template:\n    data:\n      small: \"{big}\"\n      large: \"{big}y\"\n  placement: {{clusters: [{{name: c1}}]}}\n"), x => x.IsError);
        Assert.Equal("FR7113", d.Code);
        Assert.Equal(17, d.Location.Line);
    }

    [Fact]
    public void ConfigMapJustUnderTheLimitIsFine()
    {
        var big = new string('x', 1024 * 1024);
        Assert.DoesNotContain(Validate($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {{name: c, namespace: a}}\nspec:\n  template:\n    data:\n      all: \"{big}\"\n  placement: {{clusters: [{{name: c1}}]}}\n"), x => x.IsError);
    }

    [Fact]
    public void SecretDataIsCountedDecoded()
    {
        // 1.2 MiB of base64 is 0.9 MiB of data: within the limit.
        var encoded = Convert.ToBase64String(new byte[900 * 1024]);
        Assert.DoesNotContain(Validate($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedSecret\nmetadata: {{name: s, namespace: a}}\nspec:\n  template:\n    data:\n      blob: {encoded}\n  placement: {{clusters: [{{name: c1}}]}}\n"), x => x.IsError);
    }

    [Fact]
    public void AnnotationsOverTheirTotalAreAnErrorAtTheOverride()
    {
        var big = new string('a', 200 * 1024);
        var d = Assert.Single(Validate($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {{name: c, namespace: a}}\nspec:\n  template: {{data: {{k: v}}}}\n  placement: {{clusters: [{{name: c1}}]}}\n  overrides:\n  - clusterName: c1\n    clusterOverrides:\n    - path: /metadata/annotations\n      op: add\n      value: {{one: \"{big}\", two: \"{big}\"}}\n"), x => x.IsError);
        Assert.Equal("FR7113", d.Code);
    }

    [Fact]
    public void LongJobNameIsAnError()
    {
        var name = new string('j', 64);
        var d = Assert.Single(Validate($"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedJob\nmetadata: {{name: {name}, namespace: a}}\nspec:\n  template:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{{name: j, image: busybox}}]\n  placement: {{clusters: [{{name: c1}}]}}\n"), x => x.IsError);
        Assert.Equal("FR7101", d.Code);
    }

    [Theory]
    [InlineData("apps/v2")]
    [InlineData("apps/v1beta2")]
    public void OverrideToAnUndeclaredApiVersionIsAnError(string version)
    {
        var d = Assert.Single(Validate(Deployment(string.Empty, string.Empty, $"  overrides:\n  - clusterName: c1\n    clusterOverrides:\n    - path: /apiVersion\n      value: {version}\n")), x => x.IsError);
        Assert.Equal("FR4015", d.Code);
        Assert.Contains("declared: apps/v1", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideToTheKindIsAnError()
    {
        var d = Assert.Single(Validate(Deployment(string.Empty, string.Empty, "  overrides:\n  - clusterName: c1\n    clusterOverrides:\n    - path: /kind\n      value: StatefulSet\n")), x => x.IsError);
        Assert.Equal("FR4002", d.Code);
    }

    [Fact]
    public void OverrideToAVersionTheCrdDeclaresIsAllowed()
    {
        const string crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}\n  - {name: v1alpha1, served: true, storage: false, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}\n---\napiVersion: core.kubefed.io/v1beta1\nkind: FederatedTypeConfig\nmetadata: {name: widgets.example.com, namespace: kube-federation-system}\nspec:\n  federatedType: {group: types.kubefed.io, kind: FederatedWidget, pluralName: federatedwidgets, scope: Namespaced, version: v1beta1}\n  propagation: Enabled\n  targetType: {group: example.com, kind: Widget, pluralName: widgets, scope: Namespaced, version: v1}\n---\n";
        string Widget(string version) => crd + $"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedWidget\nmetadata: {{name: w, namespace: a}}\nspec:\n  template: {{spec: {{size: 1}}}}\n  placement: {{clusters: [{{name: c1}}]}}\n  overrides:\n  - clusterName: c1\n    clusterOverrides:\n    - path: /apiVersion\n      value: {version}\n";
        Assert.DoesNotContain(Validate(Widget("example.com/v1alpha1")), x => x.IsError);
        Assert.Equal("FR4015", Assert.Single(Validate(Widget("example.com/v2")), x => x.IsError).Code);
    }
}
