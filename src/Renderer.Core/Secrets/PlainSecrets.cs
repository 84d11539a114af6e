namespace Renderer.Core.Secrets;

/// <summary>What a render does with an object that renders as a plain v1 Secret.</summary>
public enum PlainSecrets
{
    /// <summary>Writes it, with a warning naming the file (FR5050): its values end up in plain text in the output tree.</summary>
    Warn,

    /// <summary>Leaves it out of the output tree and lists it (to be provided some other way).</summary>
    Omit,

    /// <summary>Writes it silently: the output is a stream meant for a pipe, not a tree to commit.</summary>
    Allow,
}
