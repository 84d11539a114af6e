using System.Text.Json;

namespace Renderer.Tests.Cli;

public sealed class ClusterSelectionAndFormatTests
{
    private const string ThreeClusters = """
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: north}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: south}
        ---
        apiVersion: core.kubefed.io/v1beta1
        kind: KubeFedCluster
        metadata: {name: west}
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
            data: {mode: normal}
          placement: {clusterSelector: {}}
        """;

    private static CliHarness Harness(string yaml = ThreeClusters)
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", yaml);
        return cli;
    }

    private static SortedDictionary<string, string> Output(CliHarness cli, string directory) =>
        new(cli.FileSystem.Files.Where(f => f.Key.StartsWith($"/work/{directory}/", StringComparison.Ordinal) && !f.Key.EndsWith(".fedrender-manifest", StringComparison.Ordinal))
            .ToDictionary(f => f.Key[$"/work/{directory}/".Length..], f => System.Text.Encoding.UTF8.GetString(f.Value)), StringComparer.Ordinal);

    [Fact]
    public void ClusterOptionRendersOnlyThoseAndKeepsTheOthers()
    {
        var cli = Harness();
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        cli.FileSystem.Add("/work/fed/app.yaml", ThreeClusters.Replace("mode: normal", "mode: changed", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out", "--cluster", "south").Exit);
        var output = Output(cli, "out");
        Assert.Contains("mode: changed", output["south/app/configmap-settings.yaml"], StringComparison.Ordinal);
        Assert.Contains("mode: normal", output["north/app/configmap-settings.yaml"], StringComparison.Ordinal);
        Assert.Equal(1, cli.Run("check", "fed", "-o", "out").Exit);
        Assert.Equal(0, cli.Run("check", "fed", "-o", "out", "--cluster", "south").Exit);
    }

    [Fact]
    public void ShardsPartitionTheClustersAndTogetherEqualAFullRender()
    {
        var cli = Harness();
        Assert.Equal(0, cli.Run("render", "fed", "-o", "full").Exit);
        var union = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var shard = 1; shard <= 3; shard++)
        {
            var (exit, _, error) = cli.Run("render", "fed", "-o", $"shard{shard}", "--shard", $"{shard}/3");
            Assert.True(exit == 0, error);
            foreach (var (path, content) in Output(cli, $"shard{shard}")) Assert.True(union.TryAdd(path, content), $"{path} is in two shards");
        }

        Assert.Equal(Output(cli, "full"), union);
    }

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1-3")]
    public void InvalidShardIsAUsageError(string shard) => Assert.Equal(2, Harness().Run("render", "fed", "-o", "out", "--shard", shard).Exit);

    [Fact]
    public void StdoutPrintsOneClusterInApplyOrder()
    {
        var (exit, output, _) = Harness().Run("render", "fed", "--stdout", "--cluster", "west");
        Assert.Equal(0, exit);
        var documents = output.Split("---\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, documents.Length);
        Assert.StartsWith("apiVersion: v1\nkind: Namespace", documents[0], StringComparison.Ordinal);
        Assert.StartsWith("apiVersion: v1\nkind: ConfigMap", documents[1], StringComparison.Ordinal);
        Assert.Equal(2, Harness().Run("render", "fed", "--stdout").Exit);
    }

    [Fact]
    public void GitHubFormatAnnotatesFileLineAndColumn()
    {
        var cli = Harness(ThreeClusters + "\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: x, namespace: app}\n");
        var (exit, _, error) = cli.Run("validate", "fed", "--diagnostics-format", "github");
        Assert.Equal(0, exit);
        Assert.Contains("::warning file=fed/app.yaml,line=27,col=7,title=FR2003::A plain Job (batch/v1) is not a KubeFed document", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SarifFormatIsOneValidLog()
    {
        var cli = Harness(ThreeClusters + "\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: x, namespace: app}\n---\nkind: [\n");
        var (exit, _, error) = cli.Run("validate", "fed", "--diagnostics-format", "sarif");
        Assert.Equal(1, exit);
        using var log = JsonDocument.Parse(error);
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        var first = results.EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "FR2003");
        Assert.Equal("warning", first.GetProperty("level").GetString());
        var region = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(27, region.GetProperty("startLine").GetInt32());
    }
}
