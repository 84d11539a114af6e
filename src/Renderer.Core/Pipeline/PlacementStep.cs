using Renderer.Core.Diagnostics;

namespace Renderer.Core.Pipeline;

/// <summary>
/// One step of a placement decision for one cluster: its topic (placement, namespace, scope, cluster), the rules
/// that decided it, whether it lets the resource through to the cluster, the sentence explain prints, and the line
/// that made it so.
/// </summary>
public sealed record PlacementStep(string Topic, string Rules, bool Admits, string Text, SourceLocation Location);
