using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>
/// fedrender diff's text output is a patch: real git accepts it (<c>git apply --check</c>), and applying it to a
/// copy of the stale output directory gives exactly what render writes (files changed, added and removed, a
/// file without a final newline included).
/// </summary>
public sealed class DiffApplyTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-diff-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [ToolFact(Tool.Git)]
    public void GitAppliesTheDiffAndGetsTheNewRender()
    {
        var inputs = Path.Combine(temp, "elk");
        FileTree.Copy(Path.Combine(RepositoryPaths.Root, "examples", "elk"), inputs);
        Assert.Equal(0, DiskCli.Run(temp, "render", "elk", "--output", "out").Exit);

        // A template change, a removed resource, a hand edit without a final newline, a deleted output file.
        var kibana = Path.Combine(inputs, "kibana.yaml");
        File.WriteAllText(kibana, File.ReadAllText(kibana).Replace("kibana:8.8.0", "kibana:8.9.0", StringComparison.Ordinal));
        File.Delete(Path.Combine(inputs, "kibana-business-hours.yaml"));
        File.WriteAllText(Path.Combine(temp, "out", "cluster1", "elastic", "configmap-index-templates.yaml"), "edited by hand");
        File.Delete(Path.Combine(temp, "out", "cluster2", "elastic", "deployment-kibana.yaml"));

        var (exit, patch, error) = DiskCli.Run(temp, "diff", "elk", "--output", "out");
        Assert.True(exit == 1, error);
        Assert.Contains("--- /dev/null", patch, StringComparison.Ordinal);
        Assert.Contains("+++ /dev/null", patch, StringComparison.Ordinal);
        Assert.Contains("\\ No newline at end of file", patch, StringComparison.Ordinal);
        var patchFile = Path.Combine(temp, "changes.patch");
        File.WriteAllText(patchFile, patch);

        var copy = Path.Combine(temp, "applied");
        FileTree.Copy(Path.Combine(temp, "out"), copy);
        var check = ExternalTool.Git.Run(["apply", "--check", "-v", patchFile], copy);
        Assert.True(check.Exit == 0, "git apply --check rejected the diff:\n" + check.Output + "\n" + patch);
        var applied = ExternalTool.Git.Run(["apply", patchFile], copy);
        Assert.True(applied.Exit == 0, applied.Output);

        Assert.Equal(0, DiskCli.Run(temp, "render", "elk", "--output", "out").Exit);
        Assert.Equal(Files(Path.Combine(temp, "out")), Files(copy));
    }

    /// <summary>Every cluster file by its path (the manifest at the top is render's bookkeeping, not part of the diff).</summary>
    private static SortedDictionary<string, string> Files(string directory) =>
        new(Directory.GetFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != ".fedrender-manifest")
            .ToDictionary(f => Path.GetRelativePath(directory, f).Replace('\\', '/'), File.ReadAllText), StringComparer.Ordinal);
}
