using Renderer.Core;
using Renderer.Core.Input;

namespace Renderer.Tests.Cli;

/// <summary>A --cluster that names no registered cluster: a usage error (exit 2) for render, check and diff; exit 1 for explain.</summary>
public sealed class UnknownClusterTests
{
    private const string Federation = Support.SampleFederation.TwoClusters;

    private const string Karmada = """
        apiVersion: cluster.karmada.io/v1alpha1
        kind: Cluster
        metadata: {name: europe}
        ---
        apiVersion: cluster.karmada.io/v1alpha1
        kind: Cluster
        metadata: {name: america}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: default}
        data: {mode: normal}
        ---
        apiVersion: policy.karmada.io/v1alpha1
        kind: PropagationPolicy
        metadata: {name: settings, namespace: default}
        spec:
          resourceSelectors:
          - {apiVersion: v1, kind: ConfigMap, name: settings}
          placement:
            clusterAffinity: {clusterNames: [europe, america]}
        """;

    private static CliHarness Harness(string yaml = Federation)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", yaml);
        return cli;
    }

    private static IReadOnlyList<string> Codes(string error) =>
        error.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @"(?:error|warning|info) (FR\d{4}):")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    private static SortedDictionary<string, string> Files(CliHarness cli, string directory) =>
        new(cli.FileSystem.Files.Where(f => f.Key.StartsWith($"/work/{directory}/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => System.Text.Encoding.UTF8.GetString(f.Value)), StringComparer.Ordinal);

    [Fact]
    public void RenderWithAnUnknownClusterExitsTwoSuggestsTheCloseNameAndWritesNothing()
    {
        var cli = Harness();
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out", "--cluster", "esat");
        Assert.Equal(2, exit);
        Assert.Equal(["FR2204"], Codes(error));
        Assert.Contains("--cluster \"esat\" names no registered cluster", error, StringComparison.Ordinal);
        Assert.Contains("did you mean \"east\"?", error, StringComparison.Ordinal);
        Assert.Contains("(registered: east, west)", error, StringComparison.Ordinal);
        Assert.Empty(Files(cli, "out"));
    }

    [Fact]
    public void RenderWithAKnownAndAnUnknownClusterWritesNotEvenTheKnownOne()
    {
        var cli = Harness();
        Assert.Equal(2, cli.Run("render", "fed", "-o", "out", "--cluster", "west", "--cluster", "nowhere").Exit);
        Assert.Empty(Files(cli, "out"));
    }

    [Fact]
    public void EachUnknownClusterGetsOneDiagnosticInOrdinalOrder()
    {
        var (exit, _, error) = Harness().Run("render", "fed", "-o", "out", "--cluster", "zeta", "--cluster", "east", "--cluster", "Alpha", "--cluster", "zeta");
        Assert.Equal(2, exit);
        Assert.Equal(["FR2204", "FR2204"], Codes(error));
        Assert.True(error.IndexOf("\"Alpha\"", StringComparison.Ordinal) < error.IndexOf("\"zeta\"", StringComparison.Ordinal), error);
        Assert.DoesNotContain("did you mean", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderToStdoutWithAnUnknownClusterIsAUsageErrorNotAnEmptyCluster()
    {
        var (exit, output, error) = Harness().Run("render", "fed", "--stdout", "--cluster", "West");
        Assert.Equal(2, exit);
        Assert.Equal(["FR2204"], Codes(error));
        Assert.Contains("did you mean \"west\"?", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("diff")]
    public void CheckAndDiffWithAnUnknownClusterExitTwoAndLeaveTheOutputAsItWas(string verb)
    {
        var cli = Harness();
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        var before = Files(cli, "out");
        var (exit, output, error) = cli.Run(verb, "fed", "-o", "out", "--cluster", "wesst");
        Assert.Equal(2, exit);
        Assert.Equal(["FR2204"], Codes(error));
        Assert.Contains("did you mean \"west\"?", error, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.Equal(before, Files(cli, "out"));
        Assert.Equal(0, cli.Run(verb, "fed", "-o", "out", "--cluster", "west").Exit);
    }

    [Fact]
    public void KarmadaClustersAreTheRegisteredOnes()
    {
        var cli = Harness(Karmada);
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out", "--cluster", "europa");
        Assert.Equal(2, exit);
        Assert.Equal(["FR2204"], Codes(error));
        Assert.Contains("did you mean \"europe\"?", error, StringComparison.Ordinal);
        Assert.Contains("(registered: america, europe) or add a Cluster (cluster.karmada.io/v1alpha1) named europa", error, StringComparison.Ordinal);
        Assert.Empty(Files(cli, "out"));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out", "--cluster", "europe").Exit);
    }

    [Fact]
    public void TheRegisteredClustersListedAreSortedAndCapped()
    {
        var clusters = string.Concat(Enumerable.Range(0, 12).Reverse().Select(i => $"apiVersion: core.kubefed.io/v1beta1\nkind: KubeFedCluster\nmetadata: {{name: member-{i:D2}}}\n---\n"));
        var options = RenderOptions.Default with { Clusters = new ClusterFilter(new HashSet<string>(["elsewhere"], StringComparer.Ordinal), 1, 1) };
        var diagnostic = Assert.Single(FederationRenderer.Validate([SourceFile.FromText("fed.yaml", clusters + Federation)], options), d => d.Code == "FR2204");
        Assert.True(diagnostic.IsError);
        // east, member-00 ... member-11, west: the first ten, then how many more.
        var listed = string.Join(", ", ["east", .. Enumerable.Range(0, 9).Select(i => $"member-{i:D2}")]);
        Assert.Contains($"(registered: {listed} and 4 more)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainForAnUnknownClusterExitsOneWithASuggestionAndExplainsNothing()
    {
        var (exit, output, error) = Harness().Run("explain", "fed", "--cluster", "wset", "ConfigMap/app/settings");
        Assert.Equal(1, exit);
        Assert.Equal(["FR2205"], Codes(error));
        Assert.Contains("explain --cluster \"wset\" names no registered cluster", error, StringComparison.Ordinal);
        Assert.Contains("did you mean \"west\"?", error, StringComparison.Ordinal);
        Assert.Contains("(registered: east, west)", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public void ARegisteredClusterThatReceivesNothingIsStillFR9101WithExitOne()
    {
        var federation = Federation.Replace("placement: {clusterSelector: {}}", "placement: {clusters: [{name: east}]}", StringComparison.Ordinal);
        var (exit, output, error) = Harness(federation).Run("render", "fed", "--stdout", "--cluster", "west");
        Assert.Equal(1, exit);
        Assert.Contains("FR9101", Codes(error));
        Assert.Empty(output);
    }
}
