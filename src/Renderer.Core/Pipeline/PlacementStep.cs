using Renderer.Core.Diagnostics;

namespace Renderer.Core.Pipeline;

/// <summary>
/// One step of a placement decision for one cluster: its topic (placement, namespace, scope, cluster), the rules
/// that decided it, the sentence explain prints, and the line that made it so.
/// </summary>
public sealed record PlacementStep(string Topic, string Rules, string Text, SourceLocation Location);
