using Renderer.Core.Input;

namespace Renderer.Core;

/// <summary>The facade: inputs in, per-cluster manifests and diagnostics out. Pure: no disk, no console, no clock.</summary>
public static class FederationRenderer
{
    public static RenderResult Render(IReadOnlyList<SourceFile> inputs, RenderOptions options)
    {
        throw new NotImplementedException("being written");
    }
}
