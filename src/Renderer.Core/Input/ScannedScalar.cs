using Renderer.Core.Diagnostics;

namespace Renderer.Core.Input;

/// <summary>A scalar value as the file wrote it: its JSON pointer (within the first levels), its text and where it starts and ends.</summary>
public sealed record ScannedScalar(string Pointer, string Text, SourceLocation Start, SourceLocation End);
