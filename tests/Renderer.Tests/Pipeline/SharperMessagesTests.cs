using Renderer.Core;
using Renderer.Core.Diagnostics;
using Renderer.Core.Input;

namespace Renderer.Tests.Pipeline;

/// <summary>Messages that name the real cause: pointer escapes, invisible characters, near-miss cluster names, RSPs without candidates.</summary>
public sealed class SharperMessagesTests
{
    private const string Cluster = "apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {name: cluster1, namespace: kube-federation-system}\n---\n";

    private static IReadOnlyList<Diagnostic> Validate(string text) =>
        FederationRenderer.Render([SourceFile.FromText("in.yaml", text)], RenderOptions.Default).Diagnostics;

    private static string Namespace(string clusters) =>
        $"apiVersion: types.kubefed.io/v1beta1\nkind: FederatedNamespace\nmetadata: {{name: a, namespace: a}}\nspec: {{placement: {{clusters: [{clusters}]}}}}\n";

    [Fact]
    public void BadPointerEscapeIsNamed()
    {
        var d = Assert.Single(Validate(Cluster + Namespace("{name: cluster1}") + "---\napiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: c, namespace: a}\nspec:\n  template: {data: {k: v}}\n  placement: {clusters: [{name: cluster1}]}\n  overrides:\n  - clusterName: cluster1\n    clusterOverrides:\n    - {path: /data/a~2b, value: x}\n"), x => x.IsError);
        Assert.Contains("has the escape \"~2\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvisibleCharacterInAClusterNameIsShownAndTheRealNameSuggested()
    {
        var d = Assert.Single(Validate(Cluster + Namespace("{name: \"cluster1\\u200b\"}")), x => x.Code == "FR3001");
        Assert.Contains("\"cluster1<U+200B>\"", d.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"cluster1\"?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LookAlikeLetterInANameIsShown()
    {
        var d = Assert.Single(Validate(Cluster + "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: \"c\u0430che\", namespace: a}\nspec: {template: {}, placement: {clusters: [{name: cluster1}]}}\n"), x => x.Code == "FR2006");
        Assert.Contains("\"c<U+0430>che\"", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TypoInAClusterNameGetsDidYouMean()
    {
        var d = Assert.Single(Validate(Cluster + Namespace("{name: clsuter1}")), x => x.Code == "FR3001");
        Assert.Contains("did you mean \"cluster1\"?", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ClusterNamesThatDifferOnlyInDigitsGetNoSuggestion()
    {
        var d = Assert.Single(Validate(Cluster + Namespace("{name: cluster3}")), x => x.Code == "FR3001");
        Assert.DoesNotContain("did you mean", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PreferenceWithoutClustersSaysThereAreNone()
    {
        const string workload = "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedDeployment\nmetadata: {name: web, namespace: a}\nspec:\n  template:\n    spec:\n      selector: {matchLabels: {app: web}}\n      template:\n        metadata: {labels: {app: web}}\n        spec: {containers: [{name: web, image: nginx}]}\n  placement: {clusterSelector: {}}\n---\napiVersion: scheduling.kubefed.io/v1alpha1\nkind: ReplicaSchedulingPreference\nmetadata: {name: web, namespace: a}\nspec: {targetKind: FederatedDeployment, totalReplicas: 3}\n";
        var d = Assert.Single(Validate(Namespace("{name: cluster1}") + "---\n" + workload), x => x.Code == "FR6004");
        Assert.Contains("no registered clusters", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainCitesThePreferenceThatSetTheReplicas()
    {
        var folder = Path.Combine(Support.RepositoryPaths.Root, "examples", "rsp");
        var inputs = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => new SourceFile("rsp/" + Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var (explanation, _) = FederationRenderer.Explain(inputs, RenderOptions.Default, "us-east", "Deployment", "retail", "checkout", null);
        var step = Assert.Single(Assert.IsType<Renderer.Core.Pipeline.Explanation>(explanation).Steps, s => s.Topic == "replicas");
        Assert.Contains("ReplicaSchedulingPreference retail/checkout", step.Text, StringComparison.Ordinal);
        Assert.Equal(("rsp/checkout.yaml", 48), (step.Location.File, step.Location.Line));
    }
}
