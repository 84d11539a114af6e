using Renderer.Core.Diagnostics;

namespace Renderer.Core;

/// <summary>The federated documents as one multi-document YAML text (empty when any error exists), and the diagnostics.</summary>
public sealed record FederateResult(IReadOnlyList<Diagnostic> Diagnostics, string Yaml, int Documents)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Where the inputs hold Secret values, for whoever shows more diagnostics about them.</summary>
    public Secrets.SecretMap Secrets { get; init; } = Core.Secrets.SecretMap.Empty;
}
