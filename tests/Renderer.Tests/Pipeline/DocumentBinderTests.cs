using Renderer.Core.Diagnostics;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

public sealed class DocumentBinderTests
{
    private static (Renderer.Core.Model.Federation Federation, List<Diagnostic> Diagnostics) Bind(string yaml) =>
        Documents.Bind(Documents.Load("in.yaml", yaml));

    [Fact]
    public void PlainKubernetesDocumentIsWarnedAndNotPropagated()
    {
        var (federation, diagnostics) = Bind("apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n");
        Assert.Empty(federation.Resources);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("FR2003", Severity.Warning, 2), (warning.Code, warning.Severity, warning.Location.Line));
    }

    [Fact]
    public void UnmappedFederatedKindNamesTheTypeConfigToAdd()
    {
        var (federation, diagnostics) = Bind("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedPrometheusRule\nmetadata:\n  name: r\n  namespace: m\n");
        Assert.Empty(federation.Resources);
        var error = Assert.Single(diagnostics);
        Assert.Equal("FR2004", error.Code);
        Assert.Contains("FederatedTypeConfig", error.Message, StringComparison.Ordinal);
        Assert.Contains("PrometheusRule", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypeConfigMapsACustomKind()
    {
        var (federation, diagnostics) = Bind("""
            apiVersion: core.kubefed.io/v1beta1
            kind: FederatedTypeConfig
            metadata:
              name: prometheusrules.monitoring.coreos.com
            spec:
              federatedType: {group: types.kubefed.io, kind: FederatedPrometheusRule, pluralName: federatedprometheusrules, scope: Namespaced, version: v1beta1}
              targetType: {group: monitoring.coreos.com, kind: PrometheusRule, pluralName: prometheusrules, scope: Namespaced, version: v1}
              propagation: Enabled
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedPrometheusRule
            metadata: {name: r, namespace: m}
            """);
        Assert.Empty(diagnostics);
        var resource = Assert.Single(federation.Resources);
        Assert.Equal("monitoring.coreos.com/v1", resource.Target.ApiVersion);
    }

    [Fact]
    public void NamespacedTargetWithoutNamespaceIsAnError()
    {
        var (_, diagnostics) = Bind("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata:\n  name: c\n");
        Assert.Equal("FR2002", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void WrongFieldTypeIsReportedAtItsLine()
    {
        var (_, diagnostics) = Bind("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: c, namespace: ns}\nspec:\n  placement:\n    clusters: cluster1\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(("FR2005", 6, 15), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void DuplicateClusterIsAnError()
    {
        var (federation, diagnostics) = Bind("apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: a}\n---\napiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: a}\n");
        Assert.Single(federation.Clusters);
        Assert.Equal("FR2007", Assert.Single(diagnostics).Code);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("Upper")]
    [InlineData("/etc")]
    public void ClusterNamesThatCannotBeDirectoriesAreRefused(string name)
    {
        var (federation, diagnostics) = Bind($"apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {{name: \"{name}\"}}\n");
        Assert.Empty(federation.Clusters);
        Assert.Equal("FR2006", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void FederatedNamespaceWithAnotherNameIsIgnored()
    {
        var (federation, diagnostics) = Bind("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {name: a, namespace: b}\nspec: {placement: {clusterSelector: {}}}\n");
        Assert.Empty(federation.Resources);
        Assert.Empty(federation.Namespaces);
        Assert.Equal("FR2009", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DuplicateFederatedResourceIsAnError()
    {
        const string doc = "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: c, namespace: ns}\n";
        var (federation, diagnostics) = Bind(doc + "---\n" + doc);
        Assert.Single(federation.Resources);
        Assert.Equal("FR2008", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void UnknownFieldInAKubeFedDocumentIsAnErrorWithASuggestion()
    {
        var (_, diagnostics) = Bind("apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: c, namespace: ns}\nspec:\n  placment:\n    clusters: [{name: a}]\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal(("FR2018", 5, 3), (error.Code, error.Location.Line, error.Location.Column));
        Assert.Contains("did you mean \"placement\"", error.Message, StringComparison.Ordinal);
    }
}
