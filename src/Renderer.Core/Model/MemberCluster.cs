using Renderer.Core.Diagnostics;

namespace Renderer.Core.Model;

/// <summary>A KubeFedCluster: a member cluster whose labels are what placement selectors match.</summary>
public sealed record MemberCluster(string Name, IReadOnlyDictionary<string, string> Labels, IReadOnlyDictionary<string, string> Annotations, SourceLocation Location);
