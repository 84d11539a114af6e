namespace Renderer.Core.Output;

/// <summary>One file of a cluster's output directory: a path relative to that directory (forward slashes) and its text.</summary>
public sealed record OutputFile(string RelativePath, string Content);
