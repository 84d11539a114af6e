namespace Renderer.Core.Patching;

/// <summary>
/// Why an operation could not apply: its index in the patch, what was wrong, and the longest prefix of its
/// path that does exist in the document at that moment (for "did you mean" hints).
/// </summary>
public sealed record PatchFailure(int Index, PatchOperation Operation, string Reason, string ExistingPrefix);
