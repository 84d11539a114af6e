using System.Text.Json;

namespace Renderer.Tests.Cli;

public sealed class CliTests
{
    private static CliHarness WithFederation()
    {
        var harness = new CliHarness();
        harness.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation);
        return harness;
    }

    [Fact]
    public void RenderWritesOneDirectoryPerClusterWithAManifest()
    {
        var cli = WithFederation();
        var (exit, _, error) = cli.Run("render", "fed", "--output", "out");
        Assert.Equal(0, exit);
        Assert.Contains("4 objects for 2 clusters written to out", error, StringComparison.Ordinal);
        Assert.Equal(
            ["/work/out/.fedrender-manifest", "/work/out/east/_cluster/namespace-app.yaml", "/work/out/east/app/configmap-settings.yaml", "/work/out/east/kustomization.yaml",
             "/work/out/west/_cluster/namespace-app.yaml", "/work/out/west/app/configmap-settings.yaml", "/work/out/west/kustomization.yaml"],
            cli.FileSystem.Files.Keys.Where(k => k.StartsWith("/work/out", StringComparison.Ordinal)));
        Assert.Contains("mode: failover", cli.FileSystem.Text("/work/out/west/app/configmap-settings.yaml"), StringComparison.Ordinal);
    }

    [Fact]
    public void RenderingTwiceGivesTheSameBytes()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        var first = cli.FileSystem.Files.Where(f => f.Key.StartsWith("/work/out/", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);
        cli.Run("render", "fed", "-o", "out");
        var second = cli.FileSystem.Files.Where(f => f.Key.StartsWith("/work/out/", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => f.Value);
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, f => Assert.Equal(f.Value, second[f.Key]));
    }

    [Fact]
    public void ErrorsWriteNothingAndExitOne()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/fed/bad.yaml", "apiVersion: types.kubefed.io/v1beta1\nkind: FederatedConfigMap\nmetadata: {name: x, namespace: app}\nspec:\n  overrides:\n  - clusterName: east\n    clusterOverrides:\n    - {op: move, path: /data}\n");
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("fed/bad.yaml(8,12): error FR4004:", error, StringComparison.Ordinal);
        Assert.Contains("nothing written", error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.FileSystem.Files.Keys, k => k.StartsWith("/work/out", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonDiagnosticsAreOneObjectPerLine()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/fed/plain.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        var (exit, _, error) = cli.Run("validate", "fed", "--diagnostics-format", "json");
        Assert.Equal(0, exit);
        var line = error.Split('\n')[0];
        using var json = JsonDocument.Parse(line);
        Assert.Equal("warning", json.RootElement.GetProperty("severity").GetString());
        Assert.Equal("FR2003", json.RootElement.GetProperty("code").GetString());
        Assert.Equal("fed/plain.yaml", json.RootElement.GetProperty("file").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("line").GetInt32());
        Assert.Equal(7, json.RootElement.GetProperty("column").GetInt32());
    }

    [Fact]
    public void CheckIsZeroWhenFreshAndOneAfterAnEdit()
    {
        var cli = WithFederation();
        Assert.Equal(1, cli.Run("check", "fed", "-o", "out").Exit);
        cli.Run("render", "fed", "-o", "out");
        Assert.Equal(0, cli.Run("check", "fed", "-o", "out").Exit);
        cli.FileSystem.Add("/work/out/west/app/configmap-settings.yaml", "edited\n");
        var (exit, output, _) = cli.Run("check", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Equal("west: 0 added, 0 removed, 1 changed\n  ~ west/app/configmap-settings.yaml\n", output);
    }

    [Fact]
    public void CheckListsAddedAndRemovedFilesPerCluster()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("name: settings", "name: renamed", StringComparison.Ordinal));
        var (exit, output, _) = cli.Run("check", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("east: 1 added, 1 removed, 1 changed", output, StringComparison.Ordinal);
        Assert.Contains("  + east/app/configmap-renamed.yaml", output, StringComparison.Ordinal);
        Assert.Contains("  - east/app/configmap-settings.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesFedrenderDidNotWriteAreKept()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        cli.FileSystem.Add("/work/out/README.md", "mine\n");
        cli.FileSystem.Add("/work/out/east/notes.txt", "mine too\n");
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        Assert.Equal("mine\n", cli.FileSystem.Text("/work/out/README.md"));
        Assert.Equal("mine too\n", cli.FileSystem.Text("/work/out/east/notes.txt"));
    }

    [Fact]
    public void ForeignFileInTheWayIsRefusedUnlessForced()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("name: settings", "name: other", StringComparison.Ordinal));
        cli.FileSystem.Add("/work/out/east/app/configmap-other.yaml", "hand-written\n");
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("FR9003", error, StringComparison.Ordinal);
        Assert.Equal("hand-written\n", cli.FileSystem.Text("/work/out/east/app/configmap-other.yaml"));
        Assert.True(cli.FileSystem.FileExists("/work/out/east/app/configmap-settings.yaml"));

        Assert.Equal(0, cli.Run("render", "fed", "-o", "out", "--force").Exit);
        Assert.StartsWith("apiVersion: v1", cli.FileSystem.Text("/work/out/east/app/configmap-other.yaml"), StringComparison.Ordinal);
        Assert.False(cli.FileSystem.FileExists("/work/out/east/app/configmap-settings.yaml"));
    }

    [Fact]
    public void DirectoryWithoutManifestIsRefusedUnlessForced()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/src/main.go", "package main\n");
        var (exit, _, error) = cli.Run("render", "fed", "-o", "src");
        Assert.Equal(1, exit);
        Assert.Contains("FR9004", error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Run("render", "fed", "-o", "src", "--force").Exit);
        Assert.Equal("package main\n", cli.FileSystem.Text("/work/src/main.go"));
    }

    [Fact]
    public void ClusterThatNoLongerReceivesAnythingIsRemoved()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("spec: {placement: {clusterSelector: {}}}", "spec: {placement: {clusters: [{name: east}]}}", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        Assert.DoesNotContain(cli.FileSystem.Files.Keys, k => k.StartsWith("/work/out/west/", StringComparison.Ordinal));
    }

    [Fact]
    public void FailedWriteLeavesThePreviousOutputWhole()
    {
        var cli = WithFederation();
        cli.Run("render", "fed", "-o", "out");
        var before = cli.FileSystem.Text("/work/out/west/app/configmap-settings.yaml");
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("failover", "changed", StringComparison.Ordinal));
        cli.FileSystem.FailWritesContaining = ".fedrender-txn/new/";
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("FR9006", error, StringComparison.Ordinal);
        Assert.Equal(before, cli.FileSystem.Text("/work/out/west/app/configmap-settings.yaml"));
        Assert.DoesNotContain(cli.FileSystem.Files.Keys, k => k.Contains(".fedrender-txn", StringComparison.Ordinal));
    }

    [Fact]
    public void StandardInputIsAnInput()
    {
        var cli = new CliHarness { StandardInput = CliHarness.Federation };
        var (exit, _, _) = cli.Run("render", "-", "-o", "out");
        Assert.Equal(0, exit);
        Assert.True(cli.FileSystem.FileExists("/work/out/east/app/configmap-settings.yaml"));
    }

    [Fact]
    public void MissingInputIsExitTwo()
    {
        var (exit, _, error) = new CliHarness().Run("validate", "nothing.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("nothing.yaml: error FR9001", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("render", "fed")]
    [InlineData("frobnicate")]
    [InlineData("validate", "--diagnostics-format", "xml", "fed")]
    [InlineData("validate", "--max-file-size", "lots", "fed")]
    public void UsageErrorsAreExitTwo(params string[] args) => Assert.Equal(2, WithFederation().Run(args).Exit);

    [Fact]
    public void OutputDirectoryIsNotReadAsInput()
    {
        var cli = WithFederation();
        cli.Run("render", ".", "-o", "out");
        var (exit, _, error) = cli.Run("render", ".", "-o", "out");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("FR2003", error, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputThatIsAFileIsRefused()
    {
        var cli = WithFederation();
        cli.FileSystem.Add("/work/out", "a file\n");
        var (exit, _, error) = cli.Run("render", "fed", "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("FR9005", error, StringComparison.Ordinal);
    }
}
