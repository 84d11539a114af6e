namespace Renderer.Core.Pipeline;

/// <summary>
/// One resource on one cluster: whether its own placement selects the cluster, whether it is finally placed there
/// (an object is rendered), and the steps that decided it, in the order explain prints them: the own placement,
/// then (when that selected the cluster) the namespace or scope gate, then the system-namespace rule.
/// </summary>
public sealed record ClusterPlacement(string Cluster, bool Selected, bool Placed, IReadOnlyList<PlacementStep> Steps)
{
    /// <summary>The step that decided the outcome: the placement rule that chose the cluster, or the last step, which left it out.</summary>
    public PlacementStep? Decisive => Steps.Count == 0 ? null : Placed ? Steps[0] : Steps[^1];

    /// <summary>
    /// Whether the steps, read on their own, say what <see cref="Placed"/> says: every step admits the resource
    /// exactly when it is placed. The steps and the final clusters come from the same facts, so this always holds;
    /// tests check it.
    /// </summary>
    public bool StepsAgree => Steps.All(s => s.Admits) == Placed;
}
