using Renderer.Core.Input;

namespace Renderer.Core.Karmada;

/// <summary>An OverridePolicy, or a ClusterOverridePolicy when <see cref="Namespace"/> is null. No selectors match every resource.</summary>
public sealed record OverridePolicy(SourceDocument Document, string Name, string? Namespace, IReadOnlyList<ResourceSelector> Selectors, IReadOnlyList<OverrideRule> Rules)
{
    public string DisplayName => Namespace is null ? $"ClusterOverridePolicy {Name}" : $"OverridePolicy {Namespace}/{Name}";
}
