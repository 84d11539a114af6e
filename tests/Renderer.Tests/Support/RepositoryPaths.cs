namespace Renderer.Tests.Support;

/// <summary>Finds the repository root (the folder with Renderer.sln) and the shared reference data beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The read-only conformance vectors, kept beside the repository, never copied into it.</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Renderer.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Renderer.sln not found above " + AppContext.BaseDirectory);
    }
}
