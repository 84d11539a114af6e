using Renderer.Core;
using Renderer.Core.Input;
using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Integrations;

/// <summary><c>fedrender schemas --output DIR</c> writes exactly what Core generates, and never through a link.</summary>
public sealed class SchemasCommandTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-schemas-cli-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void SchemasCommandWritesEveryGeneratedFile()
    {
        var output = Path.Combine(temp, "schemas-out");
        var result = DiskCli.Run(RepositoryPaths.Root, "schemas", "examples/elk", "--output", output);
        Assert.True(result.Exit == 0, result.Error);
        var inputs = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "examples", "elk"), "*.yaml").Order(StringComparer.Ordinal)
            .Select(f => SourceFile.FromText("examples/elk/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var expected = FederationRenderer.Schemas(inputs, RenderOptions.Default, string.Empty).Files;
        var written = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(f => f.RelativePath), written);
        Assert.All(expected, f => Assert.Equal(f.Content, File.ReadAllText(Path.Combine(output, f.RelativePath))));
        Assert.Contains($"fedrender: {expected.Count - 1} schemas and catalog.json written to", result.Error, StringComparison.Ordinal);

        var absolute = DiskCli.Run(RepositoryPaths.Root, "schemas", "examples/elk", "--output", output, "--base-url", "https://schemas.example.com/kubefed/");
        Assert.Equal(0, absolute.Exit);
        Assert.Contains("\"url\": \"https://schemas.example.com/kubefed/types.kubefed.io/federateddeployment_v1beta1.json\"", File.ReadAllText(Path.Combine(output, "catalog.json")), StringComparison.Ordinal);
        Assert.Equal(2, DiskCli.Run(RepositoryPaths.Root, "schemas", "examples/elk", "--output", output, "--base-url", "schemas/").Exit);
    }

    [Fact]
    public void ALinkInTheOutputIsRefusedAndNothingIsWritten()
    {
        var output = Path.Combine(temp, "schemas-out");
        var elsewhere = Path.Combine(temp, "elsewhere");
        Directory.CreateDirectory(output);
        Directory.CreateDirectory(elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(output, "core.kubefed.io"), elsewhere);
        var result = DiskCli.Run(RepositoryPaths.Root, "schemas", "examples/elk", "--output", output);
        Assert.Equal(1, result.Exit);
        Assert.Contains("error FR9103", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(elsewhere));
        Assert.False(File.Exists(Path.Combine(output, "catalog.json")));
    }
}
