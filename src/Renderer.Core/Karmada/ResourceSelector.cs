using Renderer.Core.Model;

namespace Renderer.Core.Karmada;

/// <summary>
/// One <c>resourceSelectors</c> entry. <see cref="Namespace"/> is null when unset (a namespaced policy's
/// selectors then mean the policy's own namespace); <see cref="Name"/> wins over <see cref="LabelSelector"/>.
/// </summary>
public sealed record ResourceSelector(string ApiVersion, string Kind, string? Namespace, string? Name, LabelSelector? LabelSelector, string Pointer);
