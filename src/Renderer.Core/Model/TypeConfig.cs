using Renderer.Core.Diagnostics;

namespace Renderer.Core.Model;

/// <summary>A mapping from a federated kind to its target type, built in or from a FederatedTypeConfig document.</summary>
public sealed record TypeConfig(string FederatedKind, TargetType Target, bool PropagationEnabled, SourceLocation Location)
{
    public bool IsBuiltIn => Location.IsNone;
}
