using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Cli;

/// <summary>The CLI packs as the .NET tool <c>fedrender</c>, installs from the package, and runs from a clean directory.</summary>
[Collection(Integrations.PackCollection.Name)]
public sealed class PackagingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-pack-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void PackedToolInstallsAndRunsFromACleanDirectory()
    {
        var packages = Path.Combine(root, "packages");
        var result = ExternalProcess.Run("dotnet", ["pack", "src/Renderer.Cli/Renderer.Cli.csproj", "-c", "Release", "-o", packages], RepositoryPaths.Root);
        Assert.True(result.Exit == 0, result.Output);
        Assert.Single(Directory.GetFiles(packages, "fedrender.*.nupkg"));

        var clean = Path.Combine(root, "clean");
        Directory.CreateDirectory(clean);
        result = ExternalProcess.Run("dotnet", ["tool", "install", "fedrender", "--tool-path", Path.Combine(clean, "tools"), "--add-source", packages], clean);
        Assert.True(result.Exit == 0, result.Output);

        var tool = Path.Combine(clean, "tools", "fedrender");
        result = ExternalProcess.Run(tool, ["--version"], clean);
        Assert.Equal((0, "0.1.0\n"), (result.Exit, result.Output));

        File.WriteAllText(Path.Combine(clean, "app.yaml"), SampleFederation.TwoClusters);
        result = ExternalProcess.Run(tool, ["render", "app.yaml", "--output", "out"], clean);
        Assert.True(result.Exit == 0, result.Output);
        Assert.True(File.Exists(Path.Combine(clean, "out", "west", "app", "configmap-settings.yaml")));
    }
}
