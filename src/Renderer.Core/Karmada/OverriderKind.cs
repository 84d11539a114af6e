namespace Renderer.Core.Karmada;

/// <summary>The overriders of a rule, in the order Karmada applies them.</summary>
public enum OverriderKind
{
    Image,
    Command,
    Args,
    Labels,
    Annotations,
    Field,
    Plaintext,
}
