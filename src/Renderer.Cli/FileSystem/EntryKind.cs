namespace Renderer.Cli.FileSystem;

/// <summary>What a path itself is, as lstat sees it: a link is a link, never what it points at.</summary>
public enum EntryKind
{
    Missing,
    File,
    Directory,
    SymbolicLink,

    /// <summary>A named FIFO, a socket or a device: never opened.</summary>
    Special,
}
