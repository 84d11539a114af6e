using System.Text;
using System.Text.RegularExpressions;
using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.Tests.Pipeline;

/// <summary>KubeFed's own example/sample1 (tests/data/kubefed-sample1), as written and with the fix its README gives.</summary>
public sealed partial class KubeFedSample1Tests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "tests", "data", "kubefed-sample1");

    [GeneratedRegex("```yaml ([a-z0-9.-]+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedFile();

    private static Dictionary<string, SourceFile> Sample() =>
        Directory.GetFiles(Folder, "*.yaml").Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), f => new SourceFile("sample1/" + Path.GetFileName(f), File.ReadAllBytes(f)), StringComparer.Ordinal);

    /// <summary>The fenced <c>```yaml NAME</c> blocks of the README, by file name.</summary>
    private static Dictionary<string, SourceFile> ReadmeFiles()
    {
        var readme = File.ReadAllText(Path.Combine(Folder, "README.md"));
        return FencedFile().Matches(readme).ToDictionary(
            m => m.Groups[1].Value, m => new SourceFile("sample1/" + m.Groups[1].Value, Encoding.UTF8.GetBytes(m.Groups[2].Value)), StringComparer.Ordinal);
    }

    [Fact]
    public void AsWrittenOnlyTheExtensionsV1Beta1IngressIsAnError()
    {
        // With its clusters declared (kubefedctl join registered them), as the README says.
        var files = Sample();
        files["clusters.yaml"] = ReadmeFiles()["clusters.yaml"];
        var result = FederationRenderer.Render(files.Values.ToList(), RenderOptions.Default);
        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, d => Assert.Equal(("sample1/federatedingress.yaml", "FR7001"), (d.Location.File, d.Code)));
    }

    [Fact]
    public void WithoutItsClustersTheSampleSaysSo()
    {
        var result = FederationRenderer.Render(Sample().Values.ToList(), RenderOptions.Default);
        Assert.Single(result.Diagnostics, d => d.Code == "FR2050");
    }

    [Fact]
    public void WithTheReadmeFixEverythingRendersWithNoErrors()
    {
        var files = Sample();
        var fixes = ReadmeFiles();
        Assert.Equal(["clusters.yaml", "federatedingress.yaml"], fixes.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, file) in fixes) files[name] = file;

        var result = FederationRenderer.Render(files.Values.ToList(), RenderOptions.Default);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
        Assert.Equal(["cluster1", "cluster2"], result.Clusters.Select(c => c.Cluster));
        Assert.All(result.Clusters, c => Assert.Contains(c.Files, f => f.RelativePath == "test-namespace/ingress-test-ingress.yaml"));
    }
}
