namespace Renderer.Tests.Support;

/// <summary>The built fedrender.dll of the same configuration as this test assembly, for tests that run the real process.</summary>
public static class CliBuild
{
    public static string Path()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{System.IO.Path.DirectorySeparatorChar}Release{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = System.IO.Path.Combine(RepositoryPaths.Root, "src", "Renderer.Cli", "bin", configuration, "net10.0", "fedrender.dll");
        Assert.True(File.Exists(path), $"{path} is missing; build the solution first");
        return path;
    }
}
