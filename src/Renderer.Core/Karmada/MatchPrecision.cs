namespace Renderer.Core.Karmada;

/// <summary>
/// Karmada's implicit priority of a resource selector: how precisely it names a resource. A higher value is
/// more precise; <see cref="None"/> is no match.
/// </summary>
public enum MatchPrecision
{
    None = 0,
    KindOnly = 1,
    LabelSelector = 2,
    Name = 3,
}
