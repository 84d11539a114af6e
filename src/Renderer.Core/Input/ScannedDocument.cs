namespace Renderer.Core.Input;

/// <summary>What <see cref="ScalarScanner"/> saw of one document: its top-level apiVersion and kind, if read, and the scalars it kept.</summary>
public sealed record ScannedDocument(string File, int FirstLine, string? ApiVersion, string? Kind, IReadOnlyList<ScannedScalar> Scalars);
