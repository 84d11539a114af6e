using Renderer.Core.Input;

namespace Renderer.Core;

/// <summary>What a render may do and how strict it is.</summary>
public sealed record RenderOptions
{
    /// <summary>Warnings count as errors.</summary>
    public bool Strict { get; init; }

    public LoadLimits Limits { get; init; } = LoadLimits.Default;

    public static RenderOptions Default { get; } = new();
}
