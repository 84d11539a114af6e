using System.Diagnostics;
using Renderer.Tests.Support;

namespace Renderer.Tests.Cli;

/// <summary>The CLI packs as the .NET tool <c>fedrender</c>, installs from the package, and runs from a clean directory.</summary>
[Collection(Integrations.PackCollection.Name)]
public sealed class PackagingTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fedrender-pack-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private (int Exit, string Output) Run(string directory, string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    [Fact]
    public void PackedToolInstallsAndRunsFromACleanDirectory()
    {
        var packages = Path.Combine(root, "packages");
        var (exit, output) = Run(RepositoryPaths.Root, "dotnet", "pack", "src/Renderer.Cli/Renderer.Cli.csproj", "-c", "Release", "-o", packages);
        Assert.True(exit == 0, output);
        Assert.Single(Directory.GetFiles(packages, "fedrender.*.nupkg"));

        var clean = Path.Combine(root, "clean");
        Directory.CreateDirectory(clean);
        (exit, output) = Run(clean, "dotnet", "tool", "install", "fedrender", "--tool-path", Path.Combine(clean, "tools"), "--add-source", packages);
        Assert.True(exit == 0, output);

        var tool = Path.Combine(clean, "tools", "fedrender");
        (exit, output) = Run(clean, tool, "--version");
        Assert.Equal((0, "0.1.0\n"), (exit, output));

        File.WriteAllText(Path.Combine(clean, "app.yaml"), CliHarness.Federation);
        (exit, output) = Run(clean, tool, "render", "app.yaml", "--output", "out");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(clean, "out", "west", "app", "configmap-settings.yaml")));
    }
}
