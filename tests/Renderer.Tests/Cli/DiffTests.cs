namespace Renderer.Tests.Cli;

public sealed class DiffTests
{
    private const string Secret = """

        ---
        apiVersion: types.kubefed.io/v1beta1
        kind: FederatedSecret
        metadata: {name: creds, namespace: app}
        spec:
          template:
            stringData: {password: hunter2-the-first}
          placement: {clusters: [{name: east}]}
          overrides:
          - clusterName: east
            clusterOverrides:
            - {path: /stringData/password, value: hunter2-the-second}
        """;

    private static CliHarness Rendered()
    {
        var cli = new CliHarness();
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation + Secret.Replace("hunter2-the-second", "hunter2-the-third", StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("render", "fed", "-o", "out").Exit);
        return cli;
    }

    [Fact]
    public void NoChangesIsExitZero()
    {
        var cli = Rendered();
        var (exit, output, _) = cli.Run("diff", "fed", "-o", "out");
        Assert.Equal((0, string.Empty), (exit, output));
    }

    [Fact]
    public void ChangesAreUnifiedDiffsPerClusterAndExitOne()
    {
        var cli = Rendered();
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("failover", "standby", StringComparison.Ordinal) + Secret);
        var (exit, output, _) = cli.Run("diff", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("west: 0 added, 0 removed, 1 changed", output, StringComparison.Ordinal);
        Assert.Contains("-  mode: failover\n+  mode: standby\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownIsAPullRequestComment()
    {
        var cli = Rendered();
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation.Replace("failover", "standby", StringComparison.Ordinal) + Secret);
        var (exit, output, _) = cli.Run("diff", "fed", "-o", "out", "--format", "markdown");
        Assert.Equal(1, exit);
        Assert.StartsWith("### fedrender: 2 files change\n", output, StringComparison.Ordinal);
        Assert.Contains("| `west` | 0 | 0 | 1 |", output, StringComparison.Ordinal);
        Assert.Contains("<details><summary><code>west/app/configmap-settings.yaml</code> (changed)</summary>", output, StringComparison.Ordinal);
        Assert.Contains("```diff\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretValuesNeverAppearInDiffs()
    {
        var cli = Rendered();
        cli.FileSystem.Add("/work/fed/app.yaml", CliHarness.Federation + Secret);
        foreach (var format in new[] { "text", "markdown" })
        {
            var (exit, output, error) = cli.Run("diff", "fed", "-o", "out", "--format", format);
            Assert.Equal(1, exit);
            Assert.Contains("password: <hidden, sha256:", output, StringComparison.Ordinal);
            foreach (var value in new[] { "hunter2-the-first", "hunter2-the-second", "hunter2-the-third" })
            {
                Assert.DoesNotContain(value, output + error, StringComparison.Ordinal);
            }
        }
    }
}
