using Renderer.Core.Model;

namespace Renderer.Core.Output;

/// <summary>
/// One object's place in a cluster while a render streams: the resource it comes from and its path, with either
/// the object itself (<see cref="Rendered"/>, kept when the caller wants the objects) or its emitted file
/// (<see cref="File"/>, made as soon as the object is checked, so that the object need not outlive it).
/// </summary>
internal sealed record ClusterObject(FederatedResource Source, string RelativePath)
{
    public RenderedObject? Rendered { get; init; }

    public OutputFile? File { get; init; }
}
