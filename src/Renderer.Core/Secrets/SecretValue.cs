using Renderer.Core.Diagnostics;

namespace Renderer.Core.Secrets;

/// <summary>One value of a Secret as the inputs hold it: its text and the span of the file it occupies.</summary>
public sealed record SecretValue(string Text, SourceLocation Start, SourceLocation End);
