using System.Diagnostics;
using System.Text;
using Renderer.Cli;
using Renderer.Cli.FileSystem;
using Renderer.Cli.Output;
using Renderer.Tests.Cli;
using Renderer.Tests.Support;

namespace Renderer.Tests.Reliability;

/// <summary>
/// The trust boundary, on the real file system: a pull request controls the inputs and the committed output
/// directory, CI only the flags. Nothing outside them is read, printed or written; no link is followed and no
/// special file opened; nothing hangs; nothing is wiped by mistake. Each class of docs/reliability.md's threat
/// model has its tests here.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TrustBoundaryTests : IDisposable
{
    private const string Secret = "TOP-SECRET-OUTSIDE-THE-REPOSITORY";
    private readonly string sandbox = Directory.CreateTempSubdirectory("fedrender-trust-").FullName;

    public TrustBoundaryTests()
    {
        Directory.CreateDirectory(Repo);
        File.WriteAllText(Path.Combine(sandbox, "outside.txt"), Secret + "\n");
        Directory.CreateDirectory(Path.Combine(Repo, "fed"));
        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), CliHarness.Federation);
    }

    private string Repo => Path.Combine(sandbox, "repo");

    private string Out => Path.Combine(Repo, "out");

    public void Dispose() => Directory.Delete(sandbox, recursive: true);

    private (int Exit, string Out, string Error) Run(params string[] args) => RunWith(() => Stream.Null, args);

    private (int Exit, string Out, string Error) RunWith(Func<Stream> stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, new CliContext(stdout, stderr, stdin, Repo, new PhysicalFileSystem()));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Render() => Assert.Equal(0, Run("render", "fed", "-o", "out").Exit);

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", text, StringComparison.Ordinal);
    }

    private void EditManifest(Func<string, string> edit)
    {
        var path = Path.Combine(Out, ManifestFile.Name);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
    }

    [Theory]
    [InlineData("../../outside.txt")]
    [InlineData("east/../../../outside.txt")]
    [InlineData("/proc/self/environ")]
    [InlineData("east\\..\\x.yaml")]
    [InlineData("east//x.yaml")]
    [InlineData("east/./x.yaml")]
    [InlineData("toplevel.yaml")]
    [InlineData(".bashrc")]
    [InlineData("README.md")]
    [InlineData("manifest.yaml")]
    [InlineData("Hydrator.metadata")]
    [InlineData(".gitattributes.orig")]
    [InlineData(".git/config")]
    [InlineData("./.gitattributes")]
    public void AManifestLineOutsideAClusterDirectoryIsRefusedAndNothingIsReadOrWritten(string line)
    {
        Render();
        EditManifest(m => m + line + "\n");
        File.AppendAllText(Path.Combine(Out, "east", "app", "configmap-settings.yaml"), "# edited\n");
        var before = Snapshot(Out);
        foreach (var args in new[] { new[] { "diff", "fed", "-o", "out", "--format", "markdown" }, ["check", "fed", "-o", "out"], ["render", "fed", "-o", "out"] })
        {
            var (exit, stdout, stderr) = Run(args);
            Assert.Equal(2, exit);
            Assert.Contains("FR9015", stderr, StringComparison.Ordinal);
            Assert.Empty(stdout);
            AssertClean(stderr);
        }

        Assert.Equal(before, Snapshot(Out));
        Assert.Equal(Secret + "\n", File.ReadAllText(Path.Combine(sandbox, "outside.txt")));
    }

    [Theory]
    [InlineData("render")]
    [InlineData("check")]
    [InlineData("diff")]
    public void ATopLevelManifestLineIsRefusedInTheHydratorLayoutToo(string verb)
    {
        Assert.Equal(0, Run("render", "fed", "-o", "out", "--layout", "hydrator").Exit);
        EditManifest(m => m + "0000000000000000000000000000000000000000000000000000000000000000  .bashrc\n");
        var before = Snapshot(Out);
        var (exit, stdout, stderr) = Run(verb, "fed", "-o", "out", "--layout", "hydrator");
        Assert.Equal(2, exit);
        Assert.Contains("FR9015", stderr, StringComparison.Ordinal);
        Assert.Contains(".bashrc", stderr, StringComparison.Ordinal);
        Assert.Empty(stdout);
        Assert.Equal(before, Snapshot(Out));
    }

    [Fact]
    public void TheLayoutsRootFilesAreTheOnlyTopLevelManifestLinesAccepted()
    {
        Assert.Equal(0, Run("render", "fed", "-o", "out", "--layout", "hydrator").Exit);
        var topLevel = File.ReadAllLines(Path.Combine(Out, ManifestFile.Name)).Where(l => !l.StartsWith('#')).Select(l => l[66..]).Where(p => !p.Contains('/', StringComparison.Ordinal));
        Assert.Equal([".gitattributes", "hydrator.metadata"], topLevel.Order(StringComparer.Ordinal));
        var (exit, _, error) = Run("check", "fed", "-o", "out", "--layout", "hydrator");
        Assert.True(exit == 0, error);
    }

    [Theory]
    [InlineData(".gitattributes")]
    [InlineData("hydrator.metadata")]
    public void ARootFileReplacedByALinkIsReportedNeverRead(string name)
    {
        Assert.Equal(0, Run("render", "fed", "-o", "out", "--layout", "hydrator").Exit);
        var owned = Path.Combine(Out, name);
        File.Delete(owned);
        File.CreateSymbolicLink(owned, Path.Combine(sandbox, "outside.txt"));
        foreach (var verb in new[] { "diff", "check", "render" })
        {
            var (exit, stdout, stderr) = Run(verb, "fed", "-o", "out", "--layout", "hydrator");
            Assert.Equal(2, exit);
            Assert.Contains("FR9016", stderr, StringComparison.Ordinal);
            Assert.Contains(name, stderr, StringComparison.Ordinal);
            Assert.Contains("a symbolic link", stderr, StringComparison.Ordinal);
            AssertClean(stdout + stderr);
        }

        // A kustomize render, which would remove the root files, leaves the link alone too.
        Assert.Equal(2, Run("render", "fed", "-o", "out", "--allow-prune").Exit);
        Assert.NotNull(new FileInfo(owned).LinkTarget);
        Assert.Equal(Secret + "\n", File.ReadAllText(Path.Combine(sandbox, "outside.txt")));
    }

    [Fact]
    public void ARootFileReplacedByAFifoDoesNotHang()
    {
        Assert.Equal(0, Run("render", "fed", "-o", "out", "--layout", "hydrator").Exit);
        var owned = Path.Combine(Out, ".gitattributes");
        File.Delete(owned);
        MakeFifo(owned);
        foreach (var verb in new[] { "diff", "check", "render" })
        {
            var (exit, _, stderr) = WithTimeout(() => Run(verb, "fed", "-o", "out", "--layout", "hydrator"));
            Assert.Equal(2, exit);
            Assert.Contains("FR9016", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AManifestLineWithANulByteIsRefused()
    {
        Render();
        EditManifest(m => m + "east/a\0b.yaml\n");
        var (exit, _, error) = Run("check", "fed", "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("NUL", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOwnedFileReplacedByALinkIsReportedNeverRead()
    {
        Render();
        var owned = Path.Combine(Out, "east", "app", "configmap-settings.yaml");
        File.Delete(owned);
        File.CreateSymbolicLink(owned, Path.Combine(sandbox, "outside.txt"));
        foreach (var verb in new[] { "diff", "check", "render" })
        {
            var (exit, stdout, stderr) = Run(verb, "fed", "-o", "out");
            Assert.Equal(2, exit);
            Assert.Contains("FR9016", stderr, StringComparison.Ordinal);
            Assert.Contains("a symbolic link", stderr, StringComparison.Ordinal);
            AssertClean(stdout + stderr);
        }

        Assert.NotNull(new FileInfo(owned).LinkTarget);
    }

    [Fact]
    public void AnOwnedFileReplacedByAFifoDoesNotHang()
    {
        Render();
        var owned = Path.Combine(Out, "east", "app", "configmap-settings.yaml");
        File.Delete(owned);
        MakeFifo(owned);
        var (exit, _, stderr) = WithTimeout(() => Run("diff", "fed", "-o", "out"));
        Assert.Equal(2, exit);
        Assert.Contains("FR9016", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterFolderReplacedByALinkIsNotFollowed()
    {
        Render();
        var outside = Path.Combine(sandbox, "elsewhere");
        Directory.CreateDirectory(Path.Combine(outside, "app"));
        File.WriteAllText(Path.Combine(outside, "app", "configmap-settings.yaml"), Secret);
        Directory.Delete(Path.Combine(Out, "east"), recursive: true);
        Directory.CreateSymbolicLink(Path.Combine(Out, "east"), outside);
        var (exit, stdout, stderr) = Run("diff", "fed", "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("FR9016", stderr, StringComparison.Ordinal);
        AssertClean(stdout + stderr);
        Assert.Equal(2, Run("render", "fed", "-o", "out").Exit);
        Assert.Equal(Secret, File.ReadAllText(Path.Combine(outside, "app", "configmap-settings.yaml")));
    }

    [Fact]
    public void ForeignEntriesComeThroughARenderExactlyAsTheyWere()
    {
        Render();
        var script = Path.Combine(Out, "east", "hook.sh");
        File.WriteAllText(script, "#!/bin/sh\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var outsideFolder = Path.Combine(sandbox, "shared-folder");
        Directory.CreateDirectory(outsideFolder);
        File.WriteAllText(Path.Combine(outsideFolder, "big.txt"), Secret);
        Directory.CreateSymbolicLink(Path.Combine(Out, "docs-link"), outsideFolder);
        File.CreateSymbolicLink(Path.Combine(Out, "east", "readme-link"), "../../README.md");
        Directory.CreateDirectory(Path.Combine(Out, "empty", "folder"));

        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), CliHarness.Federation.Replace("failover", "changed", StringComparison.Ordinal));
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.True(exit == 0, error);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(script));
        Assert.Equal(outsideFolder, new DirectoryInfo(Path.Combine(Out, "docs-link")).LinkTarget);
        Assert.Equal("../../README.md", new FileInfo(Path.Combine(Out, "east", "readme-link")).LinkTarget);
        Assert.True(Directory.Exists(Path.Combine(Out, "empty", "folder")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(Out, "empty", "folder")));
        Assert.Contains("changed", File.ReadAllText(Path.Combine(Out, "west", "app", "configmap-settings.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoNamedAsAnInputIsRefusedWithoutOpeningIt()
    {
        MakeFifo(Path.Combine(Repo, "pipe.yaml"));
        var (exit, _, error) = WithTimeout(() => Run("validate", "pipe.yaml"));
        Assert.Equal(2, exit);
        Assert.Contains("pipe.yaml: error FR9021", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFifoInAnInputDirectoryIsRefusedWithoutOpeningIt()
    {
        MakeFifo(Path.Combine(Repo, "fed", "pipe.yaml"));
        var (exit, _, error) = WithTimeout(() => Run("validate", "fed"));
        Assert.Equal(2, exit);
        Assert.Contains("fed/pipe.yaml: error FR9021", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkNamedAsAnInputIsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(Repo, "outside.yaml"), Path.Combine(sandbox, "outside.txt"));
        var (exit, _, error) = Run("validate", "outside.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("FR9020", error, StringComparison.Ordinal);
        AssertClean(error);
    }

    [Fact]
    public void ADirectoryLinkThatLeadsBackIsNotFollowedAndEachFileIsReadOnce()
    {
        Directory.CreateSymbolicLink(Path.Combine(Repo, "fed", "loop.yaml"), Path.Combine(Repo, "fed"));
        Directory.CreateSymbolicLink(Path.Combine(Repo, "fed", "again"), Repo);
        File.CreateSymbolicLink(Path.Combine(Repo, "fed", "secret.yaml"), Path.Combine(sandbox, "outside.txt"));
        var (exit, _, error) = WithTimeout(() => Run("render", "fed", "-o", "out"));
        Assert.True(exit == 0, error);
        Assert.Contains("fed/secret.yaml: warning FR9022", error, StringComparison.Ordinal);
        Assert.Contains("fed/loop.yaml: warning FR9022", error, StringComparison.Ordinal);
        Assert.Contains("4 objects for 2 clusters", error, StringComparison.Ordinal);
        AssertClean(error);
    }

    [Fact]
    public void EndlessStandardInputStopsAtTheSizeLimit()
    {
        var (exit, _, error) = WithTimeout(() => RunWith(() => new EndlessStream(), "validate", "-", "--max-file-size", "1MiB"));
        Assert.Equal(1, exit);
        Assert.Contains("<stdin>: error FR1010", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ClosedStandardInputIsADiagnostic()
    {
        var (exit, _, error) = RunWith(() => throw new IOException("Bad file descriptor"), "validate", "-");
        Assert.Equal(2, exit);
        Assert.Contains("FR9023", error, StringComparison.Ordinal);
        AssertClean(error);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("/")]
    [InlineData("/etc")]
    [InlineData("/usr/share/fedrender")]
    [InlineData("/tmp")]
    [InlineData("fed")]
    public void AnOutputDirectoryThatHoldsTheRepositoryOrTheSystemIsRefused(string output)
    {
        var before = Snapshot(Repo);
        var (exit, _, error) = Run("render", "fed", "-o", output, "--force");
        Assert.Equal(2, exit);
        Assert.Contains("FR9018", error, StringComparison.Ordinal);
        AssertClean(error);
        Assert.Equal(before, Snapshot(Repo));
    }

    [Fact]
    public void AnOutputFileThatIsAnInputOrADeviceIsRefused()
    {
        var input = File.ReadAllText(Path.Combine(Repo, "fed", "app.yaml"));
        var (exit, _, error) = Run("federate", "fed/app.yaml", "--output", "fed/app.yaml");
        Assert.Equal(2, exit);
        Assert.Contains("FR9019", error, StringComparison.Ordinal);
        Assert.Equal(input, File.ReadAllText(Path.Combine(Repo, "fed", "app.yaml")));

        (exit, _, error) = Run("preview", "fed", "--output", "/dev/stdout");
        Assert.Equal(2, exit);
        Assert.Contains("FR9019", error, StringComparison.Ordinal);
        Assert.NotNull(new FileInfo("/dev/stdout").LinkTarget);
    }

    [Fact]
    public void DashWritesFederateAndPreviewToStandardOutput()
    {
        File.WriteAllText(Path.Combine(Repo, "plain.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: app}\ndata: {a: b}\n");
        var (exit, stdout, _) = Run("federate", "plain.yaml", "--output", "-");
        Assert.Equal(0, exit);
        Assert.Contains("kind: FederatedConfigMap", stdout, StringComparison.Ordinal);
        (exit, stdout, _) = Run("preview", "fed", "--output", "-");
        Assert.Equal(0, exit);
        Assert.StartsWith("<!DOCTYPE html>", stdout, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(Repo, "-")));
    }

    [Fact]
    public void ASecondWriterWaitsThenFailsClearly()
    {
        Render();
        using var held = new PhysicalFileSystem().TryLock(Out);
        Assert.NotNull(held);
        var wait = OutputDirectory.LockWait;
        OutputDirectory.LockWait = TimeSpan.FromMilliseconds(300);
        try
        {
            var (exit, _, error) = Run("render", "fed", "-o", "out");
            Assert.Equal(2, exit);
            Assert.Contains("FR9017", error, StringComparison.Ordinal);
        }
        finally
        {
            OutputDirectory.LockWait = wait;
        }
    }

    [Fact]
    public void ForgettingTheClustersIsAnErrorAndTheOutputIsUnchanged()
    {
        Render();
        var before = Snapshot(Out);
        var withoutClusters = string.Join("---\n", CliHarness.Federation.Split("---\n").Where(d => !d.Contains("kind: KubeFedCluster", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), withoutClusters);
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("error FR2050", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Out));
    }

    [Fact]
    public void TheElkExampleWithoutItsClustersFileLeavesTheOutputUnchanged()
    {
        Support.FileTree.Copy(Path.Combine(RepositoryPaths.Root, "examples", "elk"), Path.Combine(Repo, "elk"));
        Assert.Equal(0, Run("render", "elk", "-o", "out").Exit);
        var before = Snapshot(Out);
        File.Delete(Path.Combine(Repo, "elk", "clusters.yaml"));
        var (exit, _, error) = Run("render", "elk", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("error FR2050", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Out));
    }

    [Fact]
    public void ARenderThatWouldEmptyTheOutputNeedsAllowPrune()
    {
        Render();
        var before = Snapshot(Out);
        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), string.Join("---\n", CliHarness.Federation.Split("---\n").Where(d => d.Contains("kind: KubeFedCluster", StringComparison.Ordinal))));
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.Contains("error FR9012", error, StringComparison.Ordinal);
        Assert.Contains("east: 3 files", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(Out));

        (exit, _, error) = Run("render", "fed", "-o", "out", "--allow-prune");
        Assert.True(exit == 0, error);
        Assert.Contains("warning FR9014", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Out, "east")));
    }

    [Fact]
    public void ARenderThatRemovesMoreThanHalfNeedsAllowPrune()
    {
        Render();
        var before = Snapshot(Out);
        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), CliHarness.Federation
            .Replace("metadata: {name: app, namespace: app}\nspec: {placement: {clusterSelector: {}}}", "metadata: {name: app, namespace: app}\nspec: {placement: {clusters: []}}", StringComparison.Ordinal));
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.Equal(1, exit);
        Assert.True(error.Contains("error FR9013", StringComparison.Ordinal) || error.Contains("error FR9012", StringComparison.Ordinal), error);
        Assert.Equal(before, Snapshot(Out));
    }

    [Fact]
    public void UnchangedFilesKeepTheirInodeAndModificationTime()
    {
        Render();
        var files = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(ManifestFile.Name, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var identities = files.ToDictionary(f => f, Identity);
        Thread.Sleep(20);
        File.WriteAllText(Path.Combine(Repo, "fed", "app.yaml"), CliHarness.Federation.Replace("failover", "changed", StringComparison.Ordinal));
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.True(exit == 0, error);
        var changed = Path.Combine(Out, "west", "app", "configmap-settings.yaml");
        foreach (var file in files.Where(f => f != changed)) Assert.Equal(identities[file], Identity(file));
        Assert.NotEqual(identities[changed], Identity(changed));

        // No change at all: nothing is written, the manifest included.
        var manifest = Identity(Path.Combine(Out, ManifestFile.Name));
        var again = Run("render", "fed", "-o", "out");
        Assert.Contains("nothing rewritten", again.Error, StringComparison.Ordinal);
        Assert.Equal(manifest, Identity(Path.Combine(Out, ManifestFile.Name)));
    }

    [Fact]
    public void AHandEditIsRestoredEvenThoughTheManifestHashMatches()
    {
        Render();
        var file = Path.Combine(Out, "east", "app", "configmap-settings.yaml");
        var rendered = File.ReadAllText(file);
        File.WriteAllText(file, "edited by hand\n");
        Assert.Equal(1, Run("check", "fed", "-o", "out").Exit);
        Assert.Equal(0, Run("render", "fed", "-o", "out").Exit);
        Assert.Equal(rendered, File.ReadAllText(file));
    }

    [Fact]
    public void AnOldPathOnlyManifestIsStillRead()
    {
        Render();
        EditManifest(m => string.Join('\n', m.Split('\n').Select(l => l.Length > 66 && !l.StartsWith('#') ? l[66..] : l)));
        Assert.Equal(0, Run("check", "fed", "-o", "out").Exit);
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.True(exit == 0, error);
        Assert.Contains("  east/app/configmap-settings.yaml", File.ReadAllText(Path.Combine(Out, ManifestFile.Name)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../outside.txt")]
    [InlineData(".envrc")]
    public void ACraftedJournalCannotReachOutsideTheOutputNorWriteAnotherTopLevelFile(string path)
    {
        Render();
        var transaction = Path.Combine(Out, OutputTransaction.Folder);
        Directory.CreateDirectory(Path.Combine(transaction, "new"));
        File.WriteAllText(Path.Combine(transaction, "new", "1"), "x");
        File.WriteAllText(Path.Combine(transaction, "journal"), $"W 1 {path}\nM\n");
        var (exit, _, error) = Run("render", "fed", "-o", "out");
        Assert.Equal(2, exit);
        Assert.Contains("FR9024", error, StringComparison.Ordinal);
        Assert.Contains(path, error, StringComparison.Ordinal);
        Assert.Equal(Secret + "\n", File.ReadAllText(Path.Combine(sandbox, "outside.txt")));
        Assert.False(File.Exists(Path.Combine(Out, ".envrc")));
    }

    [Fact]
    public void ANameTooLongForTheFileSystemIsReportedAtItsLine()
    {
        var group = new string('g', 200) + ".example.com";
        File.WriteAllText(Path.Combine(Repo, "fed", "long.yaml"), $"""
            apiVersion: core.kubefed.io/v1beta1
            kind: FederatedTypeConfig
            metadata: {"{"}name: widgets.{group}, namespace: kube-federation-system{"}"}
            spec:
              federatedType: {"{"}group: types.kubefed.io, kind: FederatedWidget, pluralName: federatedwidgets, scope: Namespaced, version: v1beta1{"}"}
              propagation: Enabled
              targetType: {"{"}group: {group}, kind: Widget, pluralName: widgets, scope: Namespaced, version: v1{"}"}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedWidget
            metadata: {"{"}name: {new string('w', 60)}, namespace: app{"}"}
            spec: {"{"}template: {"{"}spec: {"{"}{"}"}{"}"}, placement: {"{"}clusterSelector: {"{"}{"}"}{"}"}{"}"}
            """);
        var (exit, _, error) = Run("validate", "fed");
        Assert.Equal(1, exit);
        Assert.Contains("fed/long.yaml(11,", error, StringComparison.Ordinal);
        Assert.Contains("FR5060", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableFoldersAndRootOutputEndInDiagnosticsNotInternalErrors()
    {
        var (exit, _, error) = Run("render", "fed", "-o", "/");
        Assert.Equal(2, exit);
        AssertClean(error);
        var denied = new InMemoryFileSystem();
        denied.Add("/work/fed/app.yaml", CliHarness.Federation);
        denied.Deny("/work/fed");
        var stderr = new StringWriter();
        exit = CliApp.Run(["validate", "fed"], new CliContext(new StringWriter(), stderr, () => Stream.Null, "/work", denied));
        Assert.Equal(2, exit);
        Assert.Contains("fed: error FR9002", stderr.ToString(), StringComparison.Ordinal);
        AssertClean(stderr.ToString());
    }

    private static (ulong Inode, DateTime Modified) Identity(string path)
    {
        var entry = new PhysicalFileSystem().Stat(path);
        return (entry.Inode, File.GetLastWriteTimeUtc(path));
    }

    /// <summary>Every entry below a directory with its kind and content, links by their target: what a render must leave as it was.</summary>
    private static string Snapshot(string directory)
    {
        if (!Directory.Exists(directory)) return "missing";
        var lines = new List<string>();
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(directory, entry.FullName);
            if (entry.LinkTarget is { } target) lines.Add($"{relative} -> {target}");
            else if (entry is FileInfo file) lines.Add($"{relative} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file.FullName)))} {File.GetUnixFileMode(file.FullName)}");
            else lines.Add(relative + "/");
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    private static void MakeFifo(string path)
    {
        using var process = Process.Start("mkfifo", [path]) ?? throw new InvalidOperationException("mkfifo did not start");
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>Runs a command, failing the test (instead of hanging it) when it takes more than 30 seconds.</summary>
    private static T WithTimeout<T>(Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(30)), "the command hung");
        return task.Result;
    }

    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'#', offset, count);
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
