using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Karmada;
using Renderer.Tests.Golden;
using Renderer.Tests.Support;

namespace Renderer.Tests.Karmada;

/// <summary>
/// The acceptance, on the real file system: migrate the ELK example, render the result, and get per
/// cluster the objects of the ELK render less the managed label; --verify says so, and fails on any edit.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-karmada-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private (int Exit, string Out, string Error) Fedrender(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext(stdout, stderr, () => Stream.Null, RepositoryPaths.Root, new PhysicalFileSystem());
        return (CliApp.Run(args, context), stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void MigratedElkRendersTheSameObjectsLessTheManagedLabel()
    {
        var migrated = Path.Combine(temp, "k");
        var (exit, _, error) = Fedrender("migrate", "--to", "karmada", "examples/elk", "--output", migrated);
        Assert.True(exit == 0, error);
        var karmadaOut = Path.Combine(temp, "out-k");
        var kubefedOut = Path.Combine(temp, "out");
        Assert.Equal(0, Fedrender("render", migrated, "--output", karmadaOut).Exit);
        Assert.Equal(0, Fedrender("render", "examples/elk", "--output", kubefedOut).Exit);

        var kubefed = GoldenComparison.Read(kubefedOut);
        var karmada = GoldenComparison.Read(karmadaOut);
        Assert.Equal(kubefed.Keys.Order(StringComparer.Ordinal), karmada.Keys.Order(StringComparer.Ordinal));
        var objects = 0;
        foreach (var (path, text) in kubefed.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal) && !f.Key.EndsWith("kustomization.yaml", StringComparison.Ordinal)))
        {
            Assert.Contains("kubefed.io/managed: \"true\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain("kubefed.io/managed", karmada[path], StringComparison.Ordinal);
            Assert.Equal(WithoutManagedLabel(text), karmada[path]);
            objects++;
        }

        Assert.Equal(55, objects);
    }

    [Fact]
    public void VerifySaysEveryClusterGetsTheSameObjects()
    {
        var (exit, _, error) = Fedrender("migrate", "--to", "karmada", "examples/elk", "--output", Path.Combine(temp, "k"), "--verify");
        Assert.True(exit == 0, error);
        Assert.Contains("verified: 4 clusters get the same 55 objects from both, less the kubefed.io/managed label", error, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyReportsEachObjectThatDiffers()
    {
        // Migrate a copy of the example, then change the KubeFed side: the earlier migration no longer matches.
        var source = Path.Combine(temp, "elk");
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "examples", "elk"), source);
        var migrated = Path.Combine(temp, "k");
        Assert.Equal(0, Fedrender("migrate", "--to", "karmada", source, "--output", migrated).Exit);
        var kibana = Path.Combine(source, "kibana.yaml");
        File.WriteAllText(kibana, File.ReadAllText(kibana).Replace("replicas: 2", "replicas: 4", StringComparison.Ordinal));

        var result = KarmadaMigration.Verify(Read(source), Read(migrated), RenderOptions.Default);
        Assert.True(result.HasErrors);
        var differences = result.Diagnostics.Where(d => d.Code == "FR8208").ToList();
        Assert.NotEmpty(differences);
        Assert.All(differences, d => Assert.Contains("deployment-kibana.yaml: /spec/replicas is 4 from KubeFed, 2 from Karmada", d.Message, StringComparison.Ordinal));
        Assert.Equal(result.Differences, differences.Count);
    }

    [Fact]
    public void OnlyKarmadaIsATarget()
    {
        var (exit, _, error) = Fedrender("migrate", "--to", "argo", "examples/elk", "--output", Path.Combine(temp, "k"));
        Assert.Equal(2, exit);
        Assert.Contains("--to", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp, "k")));
    }

    [Fact]
    public void KarmadaInputsAreNotMigratedAgain()
    {
        var (exit, _, error) = Fedrender("migrate", "--to", "karmada", "examples/karmada", "--output", Path.Combine(temp, "k"));
        Assert.Equal(1, exit);
        Assert.Contains("FR8210", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp, "k")));
    }

    [Fact]
    public void TheCommittedKarmadaExampleIsWhatMigrateWrites()
    {
        var migrated = Path.Combine(temp, "k");
        Assert.Equal(0, Fedrender("migrate", "--to", "karmada", "examples/elk", "--output", migrated).Exit);
        var written = GoldenComparison.Read(migrated).Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)).ToDictionary();
        var committed = GoldenComparison.Read(Path.Combine(RepositoryPaths.Root, "examples", "karmada")).Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal)).ToDictionary();
        Assert.Equal(committed.Keys.Order(StringComparer.Ordinal), written.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, text) in committed) Assert.True(text == written[path], $"examples/karmada/{path} is stale; regenerate it with fedrender migrate --to karmada examples/elk --output examples/karmada");
    }

    private static string WithoutManagedLabel(string yaml)
    {
        var lines = yaml.Split('\n').ToList();
        var at = lines.FindIndex(l => l.Trim() == "kubefed.io/managed: \"true\"");
        lines.RemoveAt(at);
        if (lines[at - 1] == "  labels:" && (at >= lines.Count || !lines[at].StartsWith("    ", StringComparison.Ordinal))) lines.RemoveAt(at - 1);
        return string.Join('\n', lines);
    }

    private IReadOnlyList<SourceFile> Read(string directory) =>
        Directory.EnumerateFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => SourceFile.FromText(Path.GetRelativePath(temp, f).Replace('\\', '/'), File.ReadAllText(f))).ToList();

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
