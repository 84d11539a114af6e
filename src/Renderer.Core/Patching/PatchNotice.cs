namespace Renderer.Core.Patching;

/// <summary>Something an operation did that json-patch v4 allows but RFC 6902 would not (rule 28's replace-adds-a-key).</summary>
public sealed record PatchNotice(int Index, PatchOperation Operation);
