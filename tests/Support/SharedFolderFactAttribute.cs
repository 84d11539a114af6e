namespace Renderer.Tests.Support;

/// <summary>A fact that compares the repository's copies with the team's <c>../shared</c> folder; skipped, saying so, in a clone without it.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedFolderFactAttribute : FactAttribute
{
    public SharedFolderFactAttribute()
    {
        if (RepositoryPaths.Shared is null)
        {
            Skip = $"no ../shared folder beside the repository ({Path.GetFullPath(Path.Combine(RepositoryPaths.Root, ".."))}); the copies in tests/ are the only ones here";
        }
    }
}
