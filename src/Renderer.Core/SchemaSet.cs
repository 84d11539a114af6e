using Renderer.Core.Diagnostics;
using Renderer.Core.Output;

namespace Renderer.Core;

/// <summary>The editor and kubeconform schemas, file name to content, with every diagnostic (sorted); no files when any error is found.</summary>
public sealed record SchemaSet(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<OutputFile> Files)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
