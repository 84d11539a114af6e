using System.Text.Json.Nodes;

namespace Renderer.Core.Patching;

/// <summary>The patched document, or the first failure (then the document is the input, untouched).</summary>
public sealed record PatchResult(JsonNode? Document, PatchFailure? Failure, IReadOnlyList<PatchNotice> ReplacesThatAdded)
{
    /// <summary>Operations that set a value equal to the one already there.</summary>
    public IReadOnlyList<PatchNotice> Unchanged { get; init; } = [];

    public bool Succeeded => Failure is null;
}
