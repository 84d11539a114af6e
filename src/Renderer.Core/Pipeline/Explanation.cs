using Renderer.Core.Diagnostics;

namespace Renderer.Core.Pipeline;

/// <summary>Why an object is (or is not) on a cluster, and where each of its fields came from.</summary>
public sealed record Explanation(string Object, string Cluster, bool Rendered, IReadOnlyList<ExplanationStep> Steps, IReadOnlyList<FieldOrigin> Fields);

/// <summary>One step of the decision: what happened, the rule, and the line that made it so.</summary>
public sealed record ExplanationStep(string Topic, string Text, SourceLocation Location);

/// <summary>One field of the rendered object: its value (Secret values hidden) and what set it last.</summary>
public sealed record FieldOrigin(string Pointer, string Value, string Origin, SourceLocation Location);
