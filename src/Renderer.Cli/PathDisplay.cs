namespace Renderer.Cli;

/// <summary>How a path is printed: as the user gave it, so relative stays relative and absolute stays absolute, with forward slashes.</summary>
public static class PathDisplay
{
    public static string Of(string given, string full, string currentDirectory) =>
        (Path.IsPathRooted(given) ? full : Path.GetRelativePath(currentDirectory, full)).Replace('\\', '/');
}
