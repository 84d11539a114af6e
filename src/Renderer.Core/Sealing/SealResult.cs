using Renderer.Core.Diagnostics;
using Renderer.Core.Secrets;

namespace Renderer.Core.Sealing;

/// <summary>The FederatedSealedSecret (and the type config, when the inputs lack it) as YAML, empty when any error exists.</summary>
public sealed record SealResult(IReadOnlyList<Diagnostic> Diagnostics, string Yaml, int Documents, SecretMap Secrets)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
