using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Pipeline;

namespace Renderer.Tests.Pipeline;

/// <summary>federate with custom kinds: the CRD in the inputs gives the type, and the FederatedTypeConfig is generated as kubefedctl did.</summary>
public sealed class FederateCustomKindTests
{
    private const string Crd = "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec:\n  group: example.com\n  scope: Namespaced\n  names: {kind: Widget, plural: widgets}\n  versions:\n  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}\n---\n";
    private const string Widget = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: shop}\nspec: {size: 3}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: v, namespace: shop}\nspec: {size: 4}\n";

    private static FederateResult Federate(string text) =>
        FederationRenderer.Federate([SourceFile.FromText("in.yaml", text)], LoadLimits.Default, new FederateOptions(null, false));

    [Fact]
    public void CustomKindWithItsCrdGetsOneGeneratedTypeConfig()
    {
        var result = Federate(Crd + Widget);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Documents);
        Assert.StartsWith("---\napiVersion: core.kubefed.io/v1beta1\nkind: FederatedTypeConfig\nmetadata:\n  name: widgets.example.com\n  namespace: kube-federation-system\nspec:\n  targetType:\n    group: example.com\n    version: v1\n    kind: Widget\n    pluralName: widgets\n    scope: Namespaced\n  propagation: Enabled\n  federatedType:\n    group: types.kubefed.io\n    version: v1beta1\n    kind: FederatedWidget\n    pluralName: federatedwidgets\n    scope: Namespaced\n", result.Yaml, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Yaml, "kind: FederatedTypeConfig"));
    }

    [Fact]
    public void GeneratedDocumentsRenderTheObjectsBack()
    {
        var federated = Federate(Crd + Widget);
        var rest = "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: c1, namespace: kube-federation-system}\n---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {name: shop, namespace: shop}\nspec: {placement: {clusters: [{name: c1}]}}\n---\n" + Crd.TrimEnd('-', '\n') + "\n";
        var result = FederationRenderer.Render([SourceFile.FromText("fed.yaml", federated.Yaml), SourceFile.FromText("rest.yaml", rest)], RenderOptions.Default);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.True(result.Clusters.Count == 1, string.Join("\n", result.Diagnostics));
        Assert.Contains(result.Clusters[0].Files, f => f.RelativePath == "shop/widget.example.com-w.yaml");
    }

    [Fact]
    public void CustomKindWithoutItsCrdIsStillAnError()
    {
        Assert.Equal(["FR8001", "FR8001"], Federate(Widget).Diagnostics.Where(d => d.IsError).Select(d => d.Code));
    }

    [Fact]
    public void VersionTheCrdDoesNotDeclareIsAnError()
    {
        Assert.Equal(["FR8005", "FR8005"], Federate(Crd + Widget.Replace("example.com/v1", "example.com/v2", StringComparison.Ordinal)).Diagnostics.Where(d => d.IsError).Select(d => d.Code));
    }

    [Fact]
    public void CustomKindWhoseCrdIsOnlyInTheSchemasGetsItsTypeConfigAndTheSchemasAreNotFederated()
    {
        var schemas = Crd + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: not-an-input, namespace: shop}\ndata: {a: b}\n";
        var result = FederationRenderer.Federate([SourceFile.FromText("in.yaml", Widget)], [SourceFile.FromText("crds.yaml", schemas)], LoadLimits.Default, new FederateOptions(null, false));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(3, result.Documents);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(result.Yaml, "kind: FederatedTypeConfig\n"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(result.Yaml, "^kind: FederatedWidget\n", System.Text.RegularExpressions.RegexOptions.Multiline).Count);
        Assert.DoesNotContain("not-an-input", result.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("CustomResourceDefinition", result.Yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionTheSchemasCrdDoesNotDeclareIsAnError()
    {
        var result = FederationRenderer.Federate([SourceFile.FromText("in.yaml", Widget.Replace("example.com/v1", "example.com/v2", StringComparison.Ordinal))], [SourceFile.FromText("crds.yaml", Crd)], LoadLimits.Default, new FederateOptions(null, false));
        Assert.Equal(["FR8005", "FR8005"], result.Diagnostics.Where(d => d.IsError).Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal("in.yaml", d.Location.File));
    }
}
