using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;
using Renderer.Core.Pipeline;

namespace Renderer.Tests.Input;

/// <summary>Inputs read as kubectl reads them: lists split into items, -n for documents without a namespace, YAML tags.</summary>
public sealed class KubectlReadingTests
{
    private const string Cluster = "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata:\n  name: c1\n  namespace: kube-federation-system\n";

    private static RenderResult Render(string text, RenderOptions? options = null) =>
        FederationRenderer.Render([SourceFile.FromText("in.yaml", text)], options ?? RenderOptions.Default);

    private static List<SourceDocument> Unwrap(string text, List<Diagnostic> diagnostics)
    {
        var (documents, loadDiagnostics) = YamlLoader.Load(SourceFile.FromText("in.yaml", text));
        Assert.Empty(loadDiagnostics);
        return ListUnwrapper.Unwrap(documents, diagnostics);
    }

    [Fact]
    public void ListItemsBecomeDocumentsThatKeepTheirLines()
    {
        var diagnostics = new List<Diagnostic>();
        var documents = Unwrap("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(["a", "b"], documents.Select(d => (string?)d.Root.Get("metadata").Get("name")));
        Assert.Equal(new SourceLocation("in.yaml", 11, 11), documents[1].At("/metadata/name"));
        Assert.Equal(new SourceLocation("in.yaml", 8, 3), documents[1].Start);
    }

    [Fact]
    public void TypedListsAndNestedListsAreFlattened()
    {
        var diagnostics = new List<Diagnostic>();
        var documents = Unwrap("apiVersion: v1\nkind: ConfigMapList\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: inner}}\n", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("inner", (string?)Assert.Single(documents).Root.Get("metadata").Get("name"));
    }

    [Fact]
    public void AKindEndingInListWithoutItemsIsLeftAlone()
    {
        var diagnostics = new List<Diagnostic>();
        var documents = Unwrap("apiVersion: music.example.com/v1\nkind: PlayList\nmetadata: {name: x}\nspec: {}\n", diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal("PlayList", (string?)Assert.Single(documents).Root.Get("kind"));
    }

    [Fact]
    public void ListItemThatIsNotAMappingIsReportedAtItsLine()
    {
        var diagnostics = new List<Diagnostic>();
        Unwrap("apiVersion: v1\nkind: List\nitems:\n- just text\n", diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("FR2019", d.Code);
        Assert.Equal(4, d.Location.Line);
    }

    [Fact]
    public void ListWhoseItemsAreNotAListIsReported()
    {
        var diagnostics = new List<Diagnostic>();
        Unwrap("apiVersion: v1\nkind: List\nitems: {a: b}\n", diagnostics);
        Assert.Equal("FR2020", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void ListOfFederatedSecretsIsRenderedAndNotCalledUnpropagated()
    {
        var result = Render(Cluster + "---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: types.kubefed.io/v1beta1\n  kind: FederatedNamespace\n  metadata: {name: a, namespace: a}\n  spec: {placement: {clusters: [{name: c1}]}}\n- apiVersion: types.kubefed.io/v1beta1\n  kind: FederatedSecret\n  metadata: {name: s, namespace: a}\n  spec:\n    template: {data: {k: dg==}}\n    placement: {clusters: [{name: c1}]}\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "FR2003");
        Assert.Contains(Assert.Single(result.Clusters).Files, f => f.RelativePath == "a/secret-s.yaml");
    }

    [Fact]
    public void FederateSplitsListsToo()
    {
        var result = FederationRenderer.Federate([SourceFile.FromText("in.yaml", "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: a, namespace: ns}}\n- {apiVersion: v1, kind: ConfigMap, metadata: {name: b, namespace: ns}}\n")], LoadLimits.Default, new FederateOptions(null, false));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Documents);
    }

    private const string Namespaced = "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {name: team}\nspec: {placement: {clusters: [{name: c1}]}}\n---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: cfg}\nspec: {template: {data: {a: b}}, placement: {clusters: [{name: c1}]}}\n";

    [Fact]
    public void NamespaceOptionGivesDocumentsWithoutOneTheNamespace()
    {
        var result = Render(Cluster + "---\n" + Namespaced, RenderOptions.Default with { Namespace = "team" });
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Contains(Assert.Single(result.Clusters).Files, f => f.RelativePath == "team/configmap-cfg.yaml");
    }

    [Fact]
    public void WithoutTheNamespaceOptionTheSameDocumentsAreErrors()
    {
        var result = Render(Cluster + "---\n" + Namespaced);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code == "FR2002");
    }

    [Fact]
    public void DocumentsThatNameANamespaceKeepItAndClusterScopedOnesGetNone()
    {
        var documents = Documents("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: own}\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        var defaulted = NamespaceDefaulter.Apply(documents, "team");
        Assert.Equal(["own", null, "team", null], defaulted.Select(d => (string?)d.Root.Get("metadata").Get("namespace")));
    }

    [Fact]
    public void CrdScopeDecidesForCustomKinds()
    {
        var documents = Documents("apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec: {group: example.com, scope: Namespaced, names: {kind: Widget, plural: widgets}, versions: []}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        var defaulted = NamespaceDefaulter.Apply(documents, "team");
        Assert.Null(defaulted[0].Root.Get("metadata").Get("namespace"));
        Assert.Equal("team", (string?)defaulted[1].Root.Get("metadata").Get("namespace"));
    }

    [Fact]
    public void InvalidNamespaceOptionIsAnError()
    {
        var result = Render(Cluster, RenderOptions.Default with { Namespace = "Team_A" });
        Assert.Equal("FR2021", Assert.Single(result.Diagnostics, d => d.IsError).Code);
    }

    private static List<SourceDocument> Documents(string text)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText("in.yaml", text));
        Assert.Empty(diagnostics);
        return documents.ToList();
    }

    [Theory]
    [InlineData("v: !!str 0755", "\"0755\"")]
    [InlineData("v: !!int \"42\"", "42")]
    [InlineData("v: !!int 0x1F", "31")]
    [InlineData("v: !!float 1", "1")]
    [InlineData("v: !!float 1.5", "1.5")]
    [InlineData("v: !!bool yes", "true")]
    [InlineData("v: !!bool 'false'", "false")]
    [InlineData("v: !!null ~", "null")]
    [InlineData("v: !!binary aGVsbG8=", "\"hello\"")]
    [InlineData("v: ! 12", "\"12\"")]
    [InlineData("v: !!seq [1]", "[1]")]
    [InlineData("v: !!map {a: 1}", "{\"a\":1}")]
    [InlineData("!!str 1: x", null)]
    public void TaggedValuesChangeAsTheApiServerReadsThem(string yaml, string? json)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText("in.yaml", yaml));
        Assert.Empty(diagnostics);
        var root = Assert.IsType<JsonObject>(documents[0].Root);
        if (json is null) Assert.True(root.ContainsKey("1"));
        else Assert.Equal(json, root["v"]?.ToJsonString() ?? "null");
    }

    [Theory]
    [InlineData("v: !Ref bucket", "FR1016", 4)]
    [InlineData("v: !!timestamp 2001-12-14", "FR1016", 4)]
    [InlineData("v: !Custom {a: 1}", "FR1016", 4)]
    [InlineData("v: !!int ten", "FR1017", 4)]
    [InlineData("v: !!bool 1", "FR1017", 4)]
    [InlineData("v: !!null x", "FR1017", 4)]
    [InlineData("v: !!binary '*'", "FR1017", 4)]
    public void OtherTagsAndValuesTheirTagCannotReadAreErrorsAtTheTag(string yaml, string code, int column)
    {
        var (documents, diagnostics) = YamlLoader.Load(SourceFile.FromText("in.yaml", yaml));
        var d = Assert.Single(diagnostics);
        Assert.Equal(code, d.Code);
        Assert.Equal(new SourceLocation("in.yaml", 1, column), d.Location);
        Assert.DoesNotContain(documents, x => x.Root is not null);
    }
}
