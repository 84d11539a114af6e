namespace Renderer.Tests.Support;

/// <summary>The repository root and the test data inside it; the team's shared folder beside it is optional.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Renderer.sln not found above " + AppContext.BaseDirectory + "; run the tests from a clone of the repository");

    /// <summary>The conformance vectors, which travel with the repository as data.</summary>
    public static string Conformance => Path.Combine(Root, "tests", "conformance");

    /// <summary>Reference data the tests compare with (the Kubernetes API's required fields).</summary>
    public static string Reference => Path.Combine(Root, "tests", "reference");

    /// <summary>
    /// The read-only <c>../shared</c> folder the vectors and the reference data were copied from, or null in a
    /// clone that has no such folder beside it.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(path) ? path : null;
        }
    }
}
