using System.Text.Json.Nodes;
using Renderer.Core.Model;

namespace Renderer.Core.Output;

/// <summary>One object for one cluster, with the federated resource it came from.</summary>
public sealed record RenderedObject(FederatedResource Source, JsonObject Object)
{
    public string Kind => Source.Target.Kind;

    /// <summary>Where the object is written inside its cluster's directory.</summary>
    public string RelativePath => ManifestLayout.PathOf(Source);
}
