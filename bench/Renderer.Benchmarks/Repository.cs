namespace Renderer.Benchmarks;

public static class Repository
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Renderer.sln"))) directory = directory.Parent;
        return directory?.FullName ?? Directory.GetCurrentDirectory();
    }
}
