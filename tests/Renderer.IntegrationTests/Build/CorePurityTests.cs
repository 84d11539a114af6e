using Renderer.Tests.Support;

namespace Renderer.IntegrationTests.Build;

/// <summary>
/// Renderer.Core's purity is enforced by the compiler: a copy of the project with one file that uses the
/// console, the disk, the environment, a clock or a process fails to build, and names each banned symbol.
/// </summary>
public sealed class CorePurityTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("fedrender-purity-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    private static readonly string[] Banned =
        ["Console", "File", "Directory", "FileInfo", "DirectoryInfo", "Environment", "DateTime.Now", "DateTime.UtcNow", "Stopwatch", "Process"];

    [Fact]
    public void ImpureCodeInCoreFailsTheBuild()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" }) File.Copy(Path.Combine(RepositoryPaths.Root, file), Path.Combine(temp, file));
        FileTree.Copy(Path.Combine(RepositoryPaths.Root, "src", "Renderer.Core"), Path.Combine(temp, "src", "Renderer.Core"), p => p.StartsWith("bin/", StringComparison.Ordinal) || p.StartsWith("obj/", StringComparison.Ordinal));
        FileTree.Copy(Path.Combine(RepositoryPaths.Root, "schemas"), Path.Combine(temp, "schemas"));
        File.WriteAllText(Path.Combine(temp, "src", "Renderer.Core", "Impure.cs"), """
            namespace Renderer.Core;

            internal static class Impure
            {
                public static object Use() => new object[]
                {
                    System.Console.Out, System.IO.File.Exists("x"), System.IO.Directory.Exists("x"), new System.IO.FileInfo("x"),
                    new System.IO.DirectoryInfo("x"), System.Environment.ProcessorCount, System.DateTime.Now, System.DateTime.UtcNow,
                    System.Diagnostics.Stopwatch.StartNew(), System.Diagnostics.Process.GetCurrentProcess(),
                };
            }
            """);

        var build = ExternalProcess.Run("dotnet", ["build", "src/Renderer.Core/Renderer.Core.csproj", "-c", "Release", "-nologo", "-v", "q"], temp);
        Assert.True(build.Exit != 0, "the impure copy of Renderer.Core built:\n" + build.Output);
        foreach (var symbol in Banned)
        {
            Assert.Matches($@"Impure\.cs\(\d+,\d+\): error RS0030: The symbol '{symbol.Replace(".", "\\.", StringComparison.Ordinal)}' is banned in this project", build.Output);
        }
    }
}
