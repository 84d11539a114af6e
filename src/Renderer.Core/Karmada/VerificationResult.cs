using Renderer.Core.Diagnostics;

namespace Renderer.Core.Karmada;

/// <summary>What comparing the two renders found: the diagnostics (each difference an error), and how much was compared.</summary>
public sealed record VerificationResult(IReadOnlyList<Diagnostic> Diagnostics, int Clusters, int Objects, int Differences)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
