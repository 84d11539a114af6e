using Renderer.Core.Diagnostics;

namespace Renderer.Core.Secrets;

/// <summary>
/// One value of a Secret as the inputs hold it: its text, the span of the file it occupies, and the lines of
/// the document it belongs to (from <see cref="DocumentFirstLine"/> up to, not including, <see cref="DocumentEndLine"/>).
/// </summary>
public sealed record SecretValue(string Text, SourceLocation Start, SourceLocation End, int DocumentFirstLine, int DocumentEndLine);
