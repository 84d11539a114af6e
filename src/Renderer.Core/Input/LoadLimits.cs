namespace Renderer.Core.Input;

/// <summary>
/// Bounds on what one input may cost, so that a crafted file cannot hang or exhaust a CI runner.
/// Every limit has a command-line option to raise it.
/// </summary>
public sealed record LoadLimits
{
    /// <summary>Largest single input file, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>Largest sum of all inputs, in bytes.</summary>
    public long MaxTotalBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences in one document.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Most nodes one document may hold once aliases are expanded.</summary>
    public int MaxNodes { get; init; } = 750_000;

    /// <summary>
    /// Most nodes all inputs together may hold once aliases are expanded: what bounds the memory a run
    /// takes (docs/reliability.md gives the measurements behind the default).
    /// </summary>
    public long MaxTotalNodes { get; init; } = 750_000;

    /// <summary>Most documents all inputs together may hold (each costs about a kilobyte before its nodes).</summary>
    public long MaxDocuments { get; init; } = 100_000;

    public static LoadLimits Default { get; } = new();
}
