using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>
/// The hydrator layout's root files (<c>.gitattributes</c>, <c>hydrator.metadata</c>) in the output directory:
/// written and recorded like every owned file, compared by check and diff, kept by shards, removed by a
/// kustomize render; and the summary's object count in both layouts.
/// </summary>
public sealed class HydratorRootFileTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string RepoUrl = "https://git.example.com/platform/fleet.git";
    private const string Out = CliHarness.Root + "/out";

    private static readonly string[] Hydrator = ["--layout", "hydrator", "--dry-sha", Sha, "--repo-url", RepoUrl];

    private static CliHarness WithFederation()
    {
        var cli = new CliHarness();
        cli.FileSystem.Add(CliHarness.Root + "/fed/app.yaml", CliHarness.Federation);
        return cli;
    }

    private static string[] Args(string verb, params string[] more) => [verb, "fed", "-o", "out", .. Hydrator, .. more];

    /// <summary>The root files Core's layout produces for these options, path → content.</summary>
    private static IReadOnlyDictionary<string, string> CoreRootFiles() =>
        new HydratorLayout(RepoUrl, Sha, ["fed"]).RootFiles.ToDictionary(f => f.RelativePath, f => f.Content, StringComparer.Ordinal);

    /// <summary>The manifest's lines: path → hash.</summary>
    private static Dictionary<string, string> Manifest(CliHarness cli) =>
        cli.FileSystem.Text(Out + "/" + ManifestFile.Name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))
            .ToDictionary(l => l[66..], l => l[..64], StringComparer.Ordinal);

    private static void Succeeds((int Exit, string Out, string Error) run) => Assert.True(run.Exit == 0, run.Error);

    [Fact]
    public void EveryRootFileALayoutWritesIsOnTheAllowListAndNothingElseIs()
    {
        var layouts = new OutputLayout[] { OutputLayout.Kustomize, new HydratorLayout(null, null, []), new HydratorLayout(RepoUrl, Sha, ["fed"]) };
        var written = layouts.SelectMany(l => l.RootFiles.Select(f => f.RelativePath)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(OutputLayout.RootFileNames.Order(StringComparer.Ordinal), written);
        Assert.Empty(OutputLayout.Kustomize.RootFiles);
        foreach (var name in OutputLayout.RootFileNames) Assert.Null(ManifestFile.Confinement(name));
        foreach (var name in new[] { ".bashrc", "README.md", "manifest.yaml", "kustomization.yaml", "Hydrator.metadata", ".gitattributes.orig", ManifestFile.Name })
        {
            Assert.NotNull(ManifestFile.Confinement(name));
        }
    }

    [Fact]
    public void HydratorRenderWritesTheLayoutsRootFilesAndRecordsThemInTheManifest()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        var manifest = Manifest(cli);
        foreach (var (path, content) in CoreRootFiles())
        {
            Assert.Equal(content, cli.FileSystem.Text(Out + "/" + path));
            Assert.Equal(OutputFile.HashOf(Encoding.UTF8.GetBytes(content)), manifest[path]);
        }

        Assert.Equal(["east/README.md", "east/hydrator.metadata", "east/manifest.yaml", "west/README.md", "west/hydrator.metadata", "west/manifest.yaml"],
            manifest.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(0, cli.Run(Args("check")).Exit);

        var again = cli.Run(Args("render"));
        Assert.Equal(0, again.Exit);
        Assert.Contains("is up to date", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnchangedRootFileIsLeftAloneWhileAChangedOneIsReplaced()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        var attributes = cli.FileSystem.Stat(Out + "/.gitattributes").Inode;
        var metadata = cli.FileSystem.Stat(Out + "/hydrator.metadata").Inode;

        // Another dry commit: the root metadata changes, the .gitattributes does not.
        Succeeds(cli.Run("render", "fed", "-o", "out", "--layout", "hydrator", "--dry-sha", "abcdef12", "--repo-url", RepoUrl));
        Assert.Equal(attributes, cli.FileSystem.Stat(Out + "/.gitattributes").Inode);
        Assert.NotEqual(metadata, cli.FileSystem.Stat(Out + "/hydrator.metadata").Inode);
        Assert.Contains("\"drySha\": \"abcdef12\"", cli.FileSystem.Text(Out + "/hydrator.metadata"), StringComparison.Ordinal);
        Assert.Equal(OutputFile.HashOf(Encoding.UTF8.GetBytes(cli.FileSystem.Text(Out + "/hydrator.metadata"))), Manifest(cli)["hydrator.metadata"]);
    }

    [Fact]
    public void ACommittedJournalThatWritesARootFileIsRolledForwardIntoTheRoot()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        // What a render killed after its commit point leaves: the staged file and the journal naming it.
        var transaction = Out + "/" + OutputTransaction.Folder;
        cli.FileSystem.Add(transaction + "/new/1", "**/README.md linguist-generated=true\n");
        cli.FileSystem.Add(transaction + "/journal", "W 1 .gitattributes\n");

        var check = cli.Run(Args("check"));
        Assert.Equal("**/README.md linguist-generated=true\n", cli.FileSystem.Text(Out + "/.gitattributes"));
        Assert.False(cli.FileSystem.Stat(transaction).Exists);
        Assert.Equal(1, check.Exit);
        Assert.Equal("(root): 0 added, 0 removed, 1 changed\n  ~ .gitattributes\n", check.Out);
    }

    [Fact]
    public void AStaleRootFileMakesCheckFailAndDiffShowIt()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        cli.FileSystem.Add(Out + "/.gitattributes", "**/README.md linguist-generated=true\n");

        var check = cli.Run(Args("check"));
        Assert.Equal(1, check.Exit);
        Assert.Equal("(root): 0 added, 0 removed, 1 changed\n  ~ .gitattributes\n", check.Out);

        var diff = cli.Run(Args("diff"));
        Assert.Equal(1, diff.Exit);
        Assert.Contains("(root): 0 added, 0 removed, 1 changed\n", diff.Out, StringComparison.Ordinal);
        Assert.Contains("+++ b/.gitattributes\n", diff.Out, StringComparison.Ordinal);
        Assert.Contains("+**/hydrator.metadata linguist-generated=true\n", diff.Out, StringComparison.Ordinal);

        var markdown = cli.Run(Args("diff", "--format", "markdown"));
        Assert.Equal(1, markdown.Exit);
        Assert.Contains(".gitattributes", markdown.Out, StringComparison.Ordinal);

        // With a cluster filter too: the root files describe every render.
        var filtered = cli.Run(Args("check", "--cluster", "east"));
        Assert.Equal(1, filtered.Exit);
        Assert.Equal("(root): 0 added, 0 removed, 1 changed\n  ~ .gitattributes\n", filtered.Out);

        Succeeds(cli.Run(Args("render")));
        Assert.Equal(CoreRootFiles()[".gitattributes"], cli.FileSystem.Text(Out + "/.gitattributes"));
    }

    [Fact]
    public void AUsersOwnGitAttributesIsNotOverwrittenWithoutForce()
    {
        var cli = WithFederation();
        Succeeds(cli.Run("render", "fed", "-o", "out"));
        cli.FileSystem.Add(Out + "/.gitattributes", "*.yaml text eol=lf\n");

        var refused = cli.Run(Args("render", "--allow-prune"));
        Assert.Equal(1, refused.Exit);
        Assert.Contains("error FR9003: \".gitattributes\" in out was not written by fedrender", refused.Error, StringComparison.Ordinal);
        Assert.Equal("*.yaml text eol=lf\n", cli.FileSystem.Text(Out + "/.gitattributes"));
        Assert.True(cli.FileSystem.FileExists(Out + "/east/kustomization.yaml"));

        Succeeds(cli.Run(Args("render", "--allow-prune", "--force")));
        Assert.Equal(CoreRootFiles()[".gitattributes"], cli.FileSystem.Text(Out + "/.gitattributes"));
    }

    [Fact]
    public void AMissingRootFileIsAddedByCheckAndDiff()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        cli.FileSystem.DeleteFile(Out + "/hydrator.metadata");
        var check = cli.Run(Args("check"));
        Assert.Equal(1, check.Exit);
        Assert.Equal("(root): 1 added, 0 removed, 0 changed\n  + hydrator.metadata\n", check.Out);
    }

    [Fact]
    public void AKustomizeRenderRemovesTheRootFilesItNoLongerWrites()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));

        // Before: check in the kustomize layout names the root files it would remove.
        var check = cli.Run("check", "fed", "-o", "out");
        Assert.Equal(1, check.Exit);
        Assert.Contains("(root): 0 added, 2 removed, 0 changed\n  - .gitattributes\n  - hydrator.metadata\n", check.Out, StringComparison.Ordinal);

        Succeeds(cli.Run("render", "fed", "-o", "out", "--allow-prune"));
        foreach (var name in OutputLayout.RootFileNames) Assert.False(cli.FileSystem.FileExists(Out + "/" + name), name);
        Assert.DoesNotContain(Manifest(cli).Keys, k => !k.Contains('/', StringComparison.Ordinal));
        Assert.Equal(0, cli.Run("check", "fed", "-o", "out").Exit);
    }

    [Fact]
    public void ShardsWriteTheSameRootFilesAndKeepEachOthersClusters()
    {
        var whole = WithFederation();
        Succeeds(whole.Run(Args("render")));

        var sharded = WithFederation();
        Succeeds(sharded.Run(Args("render", "--cluster", "east")));
        foreach (var (path, content) in CoreRootFiles()) Assert.Equal(content, sharded.FileSystem.Text(Out + "/" + path));
        Succeeds(sharded.Run(Args("render", "--cluster", "west")));
        Assert.True(sharded.FileSystem.FileExists(Out + "/east/manifest.yaml"));

        // The two shards together are the whole render, byte for byte, root files and manifest included.
        Assert.Equal(Tree(whole), Tree(sharded));
        Assert.Equal(0, sharded.Run(Args("check")).Exit);
    }

    [Fact]
    public void AFilteredKustomizeRenderAlsoRemovesTheRootFilesAndKeepsTheOtherClusters()
    {
        var cli = WithFederation();
        Succeeds(cli.Run(Args("render")));
        Succeeds(cli.Run("render", "fed", "-o", "out", "--cluster", "east", "--allow-prune"));
        foreach (var name in OutputLayout.RootFileNames) Assert.False(cli.FileSystem.FileExists(Out + "/" + name), name);
        Assert.True(cli.FileSystem.FileExists(Out + "/west/manifest.yaml"));
        Assert.True(cli.FileSystem.FileExists(Out + "/east/kustomization.yaml"));
    }

    [Fact]
    public void TheSummaryCountsObjectsNotFilesInBothLayouts()
    {
        var kustomize = WithFederation();
        var plain = kustomize.Run("render", "fed", "-o", "out");
        Succeeds(plain);
        // Counted independently: the resources every kustomization.yaml lists.
        var listed = new[] { "east", "west" }.Sum(c => kustomize.FileSystem.Text($"{Out}/{c}/kustomization.yaml").Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
        Assert.Equal(4, listed);
        Assert.Contains($"{listed} objects for 2 clusters written", plain.Error, StringComparison.Ordinal);

        var hydrator = WithFederation();
        var hydrated = hydrator.Run(Args("render"));
        Succeeds(hydrated);
        Assert.Contains($"{listed} objects for 2 clusters written", hydrated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWriterCountsTheObjectsCoreCountedNotTheFiles()
    {
        var inputs = new[] { SourceFile.FromText("app.yaml", CliHarness.Federation) };
        foreach (var layout in new OutputLayout[] { OutputLayout.Kustomize, new HydratorLayout(null, null, ["fed"]) })
        {
            var result = FederationRenderer.Render(inputs, RenderOptions.Default with { Layout = layout });
            Assert.False(result.HasErrors);
            var fs = new InMemoryFileSystem();
            fs.AddDirectory(Out);
            var target = new OutputDirectory(fs, Out, "out");
            var transaction = target.Begin();
            var writer = new IncrementalWriter(target, OutputInventory.Empty, transaction);
            foreach (var cluster in result.Clusters) writer.Write(cluster);
            writer.WriteRoot(result.RootFiles);
            transaction.Abort();

            Assert.Equal(result.Clusters.Sum(c => c.ApplyOrder.Count), writer.Objects);
            Assert.Equal(4, writer.Objects);
            Assert.Equal(2, writer.Clusters);
            Assert.Equal(result.Clusters.Sum(c => c.Files.Count) + result.RootFiles.Count, writer.Written.Count);
        }
    }

    /// <summary>Every file below the output directory with its content.</summary>
    private static string Tree(CliHarness cli) =>
        string.Join('\n', cli.FileSystem.Files.Where(f => f.Key.StartsWith(Out + "/", StringComparison.Ordinal))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "\n" + Encoding.UTF8.GetString(f.Value)));
}
