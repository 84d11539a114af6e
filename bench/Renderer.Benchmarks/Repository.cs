using Renderer.Tests.Support;

namespace Renderer.Benchmarks;

public static class Repository
{
    /// <summary>The repository root above this program, or the current directory when it runs outside a clone.</summary>
    public static string Root() => RepositoryRoot.Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
}
