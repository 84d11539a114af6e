using Renderer.Core.Diagnostics;

namespace Renderer.Core.Model;

/// <summary>The KubeFedConfig document: the control plane's scope and the namespace it runs in.</summary>
public sealed record KubeFedConfig(ControlPlaneScope Scope, string Namespace, SourceLocation Location);
