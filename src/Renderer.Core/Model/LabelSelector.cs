namespace Renderer.Core.Model;

/// <summary>A metav1.LabelSelector as written, with the JSON pointer of each part for diagnostics.</summary>
public sealed record LabelSelector(IReadOnlyList<LabelRequirement> MatchLabels, IReadOnlyList<LabelExpression> MatchExpressions)
{
    public bool IsEmpty => MatchLabels.Count == 0 && MatchExpressions.Count == 0;
}
