using System.Text.Json.Nodes;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Core.Output;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary><c>render --layout hydrator</c>: the files Argo CD's Source Hydrator commits, and check and diff on them.</summary>
public sealed class HydratorLayoutTests : IDisposable
{
    private const string Sha = "3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39";
    private const string Repo = "https://git.example.com/platform/fleet.git";
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-hydrator-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private string[] Hydrator(string verb, string output) => [verb, "examples/elk", "--output", output, "--layout", "hydrator", "--dry-sha", Sha, "--repo-url", Repo];

    [Fact]
    public void EachClusterGetsOneManifestStreamInApplyOrderWithItsMetadataAndReadme()
    {
        var hydrated = Path.Combine(temp, "hydrated");
        var result = DiskCli.Run(RepositoryPaths.Root, Hydrator("render", hydrated));
        Assert.True(result.Exit == 0, result.Error);
        Assert.Contains("55 objects for 4 clusters", result.Error, StringComparison.Ordinal);
        var plain = Path.Combine(temp, "plain");
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", plain).Exit);

        foreach (var cluster in Directory.GetDirectories(plain).Select(d => Path.GetFileName(d) ?? string.Empty))
        {
            var directory = Path.Combine(hydrated, cluster);
            Assert.Equal(["README.md", "hydrator.metadata", "manifest.yaml"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // The stream is the default layout's files, in the order its kustomization.yaml applies them.
            var order = File.ReadAllLines(Path.Combine(plain, cluster, "kustomization.yaml")).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]);
            var expected = string.Join("---\n", order.Select(path => File.ReadAllText(Path.Combine(plain, cluster, path))));
            var manifest = File.ReadAllText(Path.Combine(directory, "manifest.yaml"));
            Assert.Equal(expected, manifest);

            // The metadata names the dry commit and the command that prints the same objects.
            var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "hydrator.metadata")))?.AsObject() ?? [];
            Assert.Equal(["repoURL", "drySha", "commands"], metadata.Select(p => p.Key));
            Assert.Equal(Repo, (string?)metadata["repoURL"]);
            Assert.Equal(Sha, (string?)metadata["drySha"]);
            var command = Assert.Single(metadata["commands"]?.AsArray() ?? []);
            Assert.Equal($"fedrender render examples/elk --cluster {cluster} --stdout", (string?)command);
            var printed = DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--cluster", cluster, "--stdout");
            Assert.Equal("---\n" + manifest, printed.Out);

            var readme = File.ReadAllText(Path.Combine(directory, "README.md"));
            Assert.Contains($"git clone {Repo}\n", readme, StringComparison.Ordinal);
            Assert.Contains($"git checkout {Sha}\n", readme, StringComparison.Ordinal);
            Assert.Contains($"{(string?)command}\n```\n", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CheckAndDiffCompareTheHydratorLayout()
    {
        var hydrated = Path.Combine(temp, "hydrated");
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, Hydrator("render", hydrated)).Exit);
        var check = DiskCli.Run(RepositoryPaths.Root, Hydrator("check", hydrated));
        Assert.True(check.Exit == 0, check.Error);

        var manifest = Path.Combine(hydrated, "cluster1", "manifest.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("replicas: 2\n", "replicas: 7\n", StringComparison.Ordinal));
        check = DiskCli.Run(RepositoryPaths.Root, Hydrator("check", hydrated));
        Assert.Equal(1, check.Exit);
        Assert.Equal("cluster1: 0 added, 0 removed, 1 changed\n  ~ cluster1/manifest.yaml\n", check.Out);

        var diff = DiskCli.Run(RepositoryPaths.Root, Hydrator("diff", hydrated));
        Assert.Equal(1, diff.Exit);
        Assert.Contains("-  replicas: 7\n+  replicas: 2\n", diff.Out, StringComparison.Ordinal);

        // Another dry commit changes only the metadata and the READMEs.
        var moved = DiskCli.Run(RepositoryPaths.Root, ["check", "examples/elk", "--output", hydrated, "--layout", "hydrator", "--dry-sha", "0123abcd", "--repo-url", Repo]);
        Assert.Equal(1, moved.Exit);
        Assert.DoesNotContain("cluster2/manifest.yaml", moved.Out, StringComparison.Ordinal);
        Assert.Contains("  ~ cluster2/hydrator.metadata\n", moved.Out, StringComparison.Ordinal);
        Assert.Contains("  ~ cluster2/README.md\n", moved.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RootGitAttributesMarkOnlyMetadataAndReadmesAsGeneratedAtEveryDepth()
    {
        var repository = Path.Combine(temp, "repo");
        Directory.CreateDirectory(repository);
        Assert.Equal(0, ExternalProcess.Run("git", ["init", "-q"], repository).Exit);
        foreach (var file in new HydratorLayout(Repo, Sha, ["examples/elk"]).RootFiles) File.WriteAllText(Path.Combine(repository, file.RelativePath), file.Content);

        string Attribute(string path)
        {
            var result = ExternalProcess.Run("git", ["check-attr", "linguist-generated", "--", path], repository);
            Assert.True(result.Exit == 0, result.Error);
            return result.Out.Trim();
        }

        foreach (var path in new[] { "hydrator.metadata", "README.md", "cluster1/hydrator.metadata", "cluster1/README.md", "team/cluster1/README.md" })
        {
            Assert.Equal($"{path}: linguist-generated: true", Attribute(path));
        }

        Assert.Equal("cluster1/manifest.yaml: linguist-generated: unspecified", Attribute("cluster1/manifest.yaml"));
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(repository, "hydrator.metadata")))?.AsObject() ?? [];
        Assert.Equal([("repoURL", Repo), ("drySha", Sha)], root.Select(p => (p.Key, (string?)p.Value ?? string.Empty)));
    }

    [Fact]
    public void AHydratedCommitHasTheCommitServersTreeAndCheckGuardsItsRootFiles()
    {
        var hydrated = Path.Combine(temp, "hydrated");
        var render = DiskCli.Run(RepositoryPaths.Root, Hydrator("render", hydrated));
        Assert.True(render.Exit == 0, render.Error);

        // The hydrated branch: the output directory is its work tree, committed as the commit server would.
        ProcessResult Git(params string[] args)
        {
            var result = ExternalProcess.Run("git", ["-c", "user.name=fedrender", "-c", "user.email=fedrender@example.com", "-c", "core.autocrlf=false", .. args], hydrated);
            Assert.True(result.Exit == 0, $"git {string.Join(' ', args)}: {result.Error}");
            return result;
        }

        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "hydrate " + Sha);

        // The tree: per cluster manifest.yaml, hydrator.metadata and README.md; at the root .gitattributes and
        // hydrator.metadata; and fedrender's own bookkeeping, nothing else.
        var plain = Path.Combine(temp, "plain");
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", plain).Exit);
        var clusters = Directory.GetDirectories(plain).Select(d => Path.GetFileName(d) ?? string.Empty).ToList();
        Assert.NotEmpty(clusters);
        var expected = clusters.SelectMany(c => new[] { $"{c}/README.md", $"{c}/hydrator.metadata", $"{c}/manifest.yaml" })
            .Concat([".fedrender-manifest", ".gitattributes", "hydrator.metadata"]).Order(StringComparer.Ordinal);
        var tree = Git("ls-tree", "-r", "--name-only", "HEAD").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, tree.Order(StringComparer.Ordinal));

        // The commit server's .gitattributes lines (with the final newline every fedrender file ends in), and its
        // root metadata: JSON indented by two spaces with the dry repository and commit only.
        Assert.Equal("**/README.md linguist-generated=true\n**/hydrator.metadata linguist-generated=true\n", Git("show", "HEAD:.gitattributes").Out);
        Assert.Equal($"{{\n  \"repoURL\": \"{Repo}\",\n  \"drySha\": \"{Sha}\"\n}}\n", Git("show", "HEAD:hydrator.metadata").Out);
        var attributes = Git("check-attr", "linguist-generated", "--", "hydrator.metadata", $"{clusters[0]}/README.md", $"{clusters[0]}/hydrator.metadata", $"{clusters[0]}/manifest.yaml").Out;
        Assert.Equal(
            $"hydrator.metadata: linguist-generated: true\n{clusters[0]}/README.md: linguist-generated: true\n{clusters[0]}/hydrator.metadata: linguist-generated: true\n{clusters[0]}/manifest.yaml: linguist-generated: unspecified\n",
            attributes);

        var check = DiskCli.Run(RepositoryPaths.Root, Hydrator("check", hydrated));
        Assert.True(check.Exit == 0, check.Error + check.Out);

        // Rendering again rewrites nothing: the same bytes, and the root files keep their inode and mtime.
        var gitattributes = Path.Combine(hydrated, ".gitattributes");
        var before = (Inode: new Renderer.Cli.FileSystem.PhysicalFileSystem().Stat(gitattributes).Inode, Modified: File.GetLastWriteTimeUtc(gitattributes));
        var again = DiskCli.Run(RepositoryPaths.Root, Hydrator("render", hydrated));
        Assert.True(again.Exit == 0, again.Error);
        Assert.Equal(before, (new Renderer.Cli.FileSystem.PhysicalFileSystem().Stat(gitattributes).Inode, File.GetLastWriteTimeUtc(gitattributes)));
        Assert.Empty(Git("status", "--porcelain").Out);

        // A hand edit of the root .gitattributes is stale: check exits 1 and names it, diff shows it.
        File.AppendAllText(gitattributes, "manifest.yaml linguist-generated=true\n");
        check = DiskCli.Run(RepositoryPaths.Root, Hydrator("check", hydrated));
        Assert.Equal(1, check.Exit);
        Assert.Equal("(root): 0 added, 0 removed, 1 changed\n  ~ .gitattributes\n", check.Out);
        Assert.Contains("FR9007", check.Error, StringComparison.Ordinal);
        var diff = DiskCli.Run(RepositoryPaths.Root, Hydrator("diff", hydrated));
        Assert.Equal(1, diff.Exit);
        Assert.Contains("-manifest.yaml linguist-generated=true\n", diff.Out, StringComparison.Ordinal);

        // And render puts the commit's content back.
        Assert.Equal(0, DiskCli.Run(RepositoryPaths.Root, Hydrator("render", hydrated)).Exit);
        Assert.Empty(Git("status", "--porcelain").Out);
    }

    [Fact]
    public void LayoutOptionsAreChecked()
    {
        var output = Path.Combine(temp, "out");
        var badSha = DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", output, "--layout", "hydrator", "--dry-sha", "main; rm -rf /");
        Assert.Equal(2, badSha.Exit);
        Assert.Contains("error FR9009: Option --dry-sha \"main; rm -rf /\" is not valid", badSha.Error, StringComparison.Ordinal);
        var badUrl = DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", output, "--layout", "hydrator", "--repo-url", "https://x\n# injected");
        Assert.Equal(2, badUrl.Exit);
        Assert.Contains("error FR9009: Option --repo-url", badUrl.Error, StringComparison.Ordinal);
        var withoutLayout = DiskCli.Run(RepositoryPaths.Root, "check", "examples/elk", "--output", output, "--dry-sha", Sha);
        Assert.Equal(2, withoutLayout.Exit);
        Assert.Contains("error FR9102: Option --dry-sha only applies with --layout hydrator", withoutLayout.Error, StringComparison.Ordinal);
        var unknown = DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--output", output, "--layout", "flat");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("error FR9009: Option --layout \"flat\" is not valid: use kustomize or hydrator.", unknown.Error, StringComparison.Ordinal);
        var stream = DiskCli.Run(RepositoryPaths.Root, "render", "examples/elk", "--cluster", "cluster1", "--stdout", "--layout", "hydrator");
        Assert.Equal(2, stream.Exit);
        Assert.Contains("error FR9102: Option --layout only applies with --output", stream.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void ClusterNamedLikeARootFileIsAnError()
    {
        var federation = """
            apiVersion: core.kubefed.io/v1beta1
            kind: KubeFedCluster
            metadata: {name: hydrator.metadata}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedClusterRole
            metadata: {name: reader}
            spec:
              template:
                rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
              placement: {clusters: [{name: hydrator.metadata}]}
            """;
        var inputs = new[] { SourceFile.FromText("fleet.yaml", federation) };
        Assert.DoesNotContain(FederationRenderer.Render(inputs, RenderOptions.Default).Diagnostics, d => d.IsError);
        var result = FederationRenderer.Render(inputs, RenderOptions.Default with { Layout = new HydratorLayout(null, null, []) });
        var error = Assert.Single(result.Diagnostics, d => d.IsError);
        Assert.Equal(("FR2203", "fleet.yaml", 3), (error.Code, error.Location.File, error.Location.Line));
        Assert.Empty(result.Clusters);
    }

    [Fact]
    public void DiffOfAStreamHashesEverySecretValue()
    {
        var inputs = Path.Combine(temp, "fleet");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "fleet.yaml"), """
            apiVersion: core.kubefed.io/v1beta1
            kind: KubeFedCluster
            metadata: {name: west}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedNamespace
            metadata: {name: app, namespace: app}
            spec: {placement: {clusters: [{name: west}]}}
            ---
            apiVersion: types.kubefed.io/v1beta1
            kind: FederatedSecret
            metadata: {name: db, namespace: app}
            spec:
              template:
                stringData: {password: change-me-before-use}
              placement: {clusters: [{name: west}]}
            """);
        var hydrated = Path.Combine(temp, "hydrated");
        string[] Args(string verb) => [verb, inputs, "--output", hydrated, "--layout", "hydrator"];
        Assert.Equal(0, DiskCli.Run(temp, Args("render")).Exit);
        var manifest = Path.Combine(hydrated, "west", "manifest.yaml");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("change-me-before-use", "hunter2", StringComparison.Ordinal));
        var diff = DiskCli.Run(temp, Args("diff"));
        Assert.Equal(1, diff.Exit);
        Assert.Matches(@"-  password: <hidden, sha256:[0-9a-f]{12}>\n\+  password: <hidden, sha256:[0-9a-f]{12}>\n", diff.Out);
        Assert.DoesNotContain("hunter2", diff.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("change-me-before-use", diff.Out, StringComparison.Ordinal);
    }
}
