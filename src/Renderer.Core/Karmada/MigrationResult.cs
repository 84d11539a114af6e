using Renderer.Core.Diagnostics;
using Renderer.Core.Output;

namespace Renderer.Core.Karmada;

/// <summary>The migrated Karmada documents, by path relative to the output directory, with every diagnostic; no files when any error is found.</summary>
public sealed record MigrationResult(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
