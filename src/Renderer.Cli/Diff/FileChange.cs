namespace Renderer.Cli.Diff;

/// <summary>One file render would change in a cluster's directory: added, removed or changed, with its unified diff.</summary>
public sealed record FileChange(string Cluster, string Path, string Kind, string Diff);
