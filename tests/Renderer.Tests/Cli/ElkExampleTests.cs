using System.Diagnostics;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>The README's first command, run for real: the ELK example renders, and kubectl kustomize builds every cluster.</summary>
public sealed class ElkExampleTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-elk-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private (int Exit, string Error) Fedrender(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, () => Stream.Null, RepositoryPaths.Root, new PhysicalFileSystem());
        return (CliApp.Run(args, context), stderr.ToString());
    }

    [Fact]
    public void ElkExampleRendersAndEveryClusterBuildsWithKustomize()
    {
        var output = Path.Combine(temp, "out");
        var (exit, error) = Fedrender("render", "examples/elk", "--output", output);
        Assert.True(exit == 0, error);
        var clusters = Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cluster1", "cluster2", "cluster3", "host-cluster"], clusters);
        foreach (var cluster in clusters)
        {
            var (code, built, stderr) = Kubectl("kustomize", Path.Combine(output, cluster ?? string.Empty));
            Assert.True(code == 0, $"kubectl kustomize {cluster} failed: {stderr}");
            Assert.Contains("kubefed.io/managed: \"true\"", built, StringComparison.Ordinal);
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
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    private static (int Code, string Out, string Error) Kubectl(params string[] args)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start; install kubectl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
