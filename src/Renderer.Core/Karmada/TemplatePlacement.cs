namespace Renderer.Core.Karmada;

/// <summary>
/// Where one resource template goes and why: the policy that claimed it (null: none), whether it is a
/// Namespace that Karmada propagates to every cluster by itself, and the clusters with their replica shares.
/// <see cref="Reason"/> says why it goes nowhere, when it does not.
/// </summary>
public sealed record TemplatePlacement(PolicyMatch? Match, bool AutoPropagatedNamespace, ReplicaAssignment Assignment, string? Reason);
