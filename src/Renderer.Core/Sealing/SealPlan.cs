using System.Text.Json.Nodes;
using Renderer.Core.Diagnostics;
using Renderer.Core.Secrets;

namespace Renderer.Core.Sealing;

/// <summary>
/// The first half of a seal: the Secret read and checked, the clusters resolved and where each one's
/// certificate is. The CLI reads the certificates and hands them to <see cref="SecretSealer.Seal"/>.
/// </summary>
public sealed record SealPlan(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<SealTarget> Targets, SecretMap Secrets)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    internal SecretToSeal? Secret { get; init; }

    internal JsonObject? Placement { get; init; }

    internal bool NeedsTypeConfig { get; init; }

    internal string TypeConfigNamespace { get; init; } = "kube-federation-system";
}
