using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>Where a node stands in its file: the key that names it (for mapping members) and its value.</summary>
public readonly record struct NodePosition(SourceLocation Key, SourceLocation Value);
