namespace Renderer.Tests.Support;

/// <summary>
/// The one walk up to the repository root (the folder with Renderer.sln). The tests, the benchmarks and the
/// fuzzer all compile this file, so each finds its data the same way wherever it is started from.
/// </summary>
internal static class RepositoryRoot
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds Renderer.sln, or null.</summary>
    public static string? Find(string start)
    {
        var directory = new DirectoryInfo(start);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Renderer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
