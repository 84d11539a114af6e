namespace Renderer.Core.Input;

/// <summary>One input as the CLI read it: a display path (relative, forward slashes) and its raw bytes.</summary>
public sealed record SourceFile(string Path, ReadOnlyMemory<byte> Content)
{
    public static SourceFile FromText(string path, string text) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(text));
}
