using System.Security.Cryptography;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>The README's first command, run for real: the ELK example renders, and kubectl kustomize builds every cluster.</summary>
public sealed class ElkExampleTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-elk-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static ProcessResult Fedrender(params string[] args) => DiskCli.Run(RepositoryPaths.Root, args);

    [ToolFact(Tool.Kubectl)]
    public void ElkExampleRendersAndEveryClusterBuildsWithKustomize()
    {
        var output = Path.Combine(temp, "out");
        var (exit, _, error) = Fedrender("render", "examples/elk", "--output", output);
        Assert.True(exit == 0, error);
        var clusters = Directory.GetDirectories(output).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cluster1", "cluster2", "cluster3", "host-cluster"], clusters);
        foreach (var cluster in clusters)
        {
            var built = ExternalTool.Kubectl.Run(["kustomize", Path.Combine(output, cluster)]);
            Assert.True(built.Exit == 0, $"kubectl kustomize {cluster} failed: {built.Error}");
            Assert.Contains("kubefed.io/managed: \"true\"", built.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RenderTwiceIsByteIdenticalAndCheckSeesEdits()
    {
        var output = Path.Combine(temp, "out");
        Assert.Equal(0, Fedrender("render", "examples/elk", "-o", output).Exit);
        var first = Snapshot(output);
        Assert.Equal(0, Fedrender("render", "examples/elk", "-o", output).Exit);
        Assert.Equal(first, Snapshot(output));
        Assert.Equal(0, Fedrender("check", "examples/elk", "-o", output).Exit);
        File.AppendAllText(Path.Combine(output, "cluster2", "elastic", "deployment-kibana.yaml"), "# edited\n");
        Assert.Equal(1, Fedrender("check", "examples/elk", "-o", output).Exit);
        Assert.DoesNotContain(Directory.GetDirectories(temp), d => Path.GetFileName(d).Contains("fedrender-", StringComparison.Ordinal));
    }

    private static SortedDictionary<string, string> Snapshot(string directory) =>
        new(Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
