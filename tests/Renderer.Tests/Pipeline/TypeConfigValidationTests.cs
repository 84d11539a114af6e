using Renderer.Core.Diagnostics;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

public sealed class TypeConfigValidationTests
{
    private const string Valid = """
        apiVersion: core.kubefed.io/v1beta1
        kind: FederatedTypeConfig
        metadata:
          name: widgets.example.com
        spec:
          federatedType: {group: types.kubefed.io, kind: FederatedWidget, pluralName: federatedwidgets, scope: Namespaced, version: v1beta1}
          targetType: {group: example.com, kind: Widget, pluralName: widgets, scope: Namespaced, version: v1}
          propagation: Enabled
        """;

    private static (Renderer.Core.Model.Federation Federation, List<Diagnostic> Diagnostics) Bind(string yaml) =>
        Documents.Bind(Documents.Load("ftc.yaml", yaml));

    [Fact]
    public void ValidTypeConfigIsBound() => Assert.Single(Bind(Valid).Federation.TypeConfigs);

    [Theory]
    [InlineData("name: widgets.example.com", "name: widget", "FR2012")]
    [InlineData("propagation: Enabled", "propagation: enabled", "FR2015")]
    [InlineData("propagation: Enabled", "", "FR2002")]
    [InlineData("pluralName: widgets,", "pluralName: Widgets,", "FR2017")]
    [InlineData("version: v1}", "version: 1beta}", "FR2017")]
    [InlineData("group: types.kubefed.io,", "group: types,", "FR2017")]
    [InlineData("scope: Namespaced, version: v1}", "scope: namespaced, version: v1}", "FR2015")]
    public void InvalidTypeConfigIsRejectedAsKubeFedsWebhookDid(string from, string to, string code)
    {
        var (federation, diagnostics) = Bind(Valid.Replace(from, to, StringComparison.Ordinal));
        Assert.Empty(federation.TypeConfigs);
        Assert.Contains(diagnostics, d => d.Code == code && d.IsError && d.Location.Line > 0);
    }

    [Fact]
    public void DisabledPropagationRendersNothingAndSaysSo()
    {
        var (federation, diagnostics) = Bind(Valid.Replace("Enabled", "Disabled", StringComparison.Ordinal) + "\n---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedWidget\nmetadata: {name: w, namespace: ns}\n");
        Assert.Empty(federation.Resources);
        Assert.Equal("FR2014", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void TwoTypeConfigsForOneKindAreAnError()
    {
        var (_, diagnostics) = Bind(Valid + "\n---\n" + Valid);
        Assert.Equal("FR2011", Assert.Single(diagnostics).Code);
    }
}
