namespace Renderer.Core.Karmada;

/// <summary>The propagation policy that claims a resource template, and how precisely its selectors name it.</summary>
public sealed record PolicyMatch(PropagationPolicy Policy, MatchPrecision Precision);
