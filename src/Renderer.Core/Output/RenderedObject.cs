using System.Text.Json.Nodes;
using Renderer.Core.Model;

namespace Renderer.Core.Output;

/// <summary>
/// One object for one cluster, with the federated resource it came from. An object without overrides is the
/// same on every cluster: then one instance (and one emitted file) is shared by all of them, and must not be changed.
/// </summary>
public sealed record RenderedObject(FederatedResource Source, JsonObject Object)
{
    public string Kind => Source.Target.Kind;

    private readonly string? relativePath;

    /// <summary>Where the object is written inside its cluster's directory.</summary>
    public string RelativePath
    {
        get => relativePath ?? ManifestLayout.PathOf(Source);
        init => relativePath = value;
    }

    /// <summary>The file of a shared object, emitted once for every cluster that receives it; null for a cluster's own object.</summary>
    internal Lazy<OutputFile>? SharedFile { get; init; }
}
