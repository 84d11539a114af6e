namespace Renderer.Cli.FileSystem;

/// <summary>One path's lstat facts: its kind, its length, and its identity (device and inode).</summary>
public readonly record struct Entry(EntryKind Kind, long Length, ulong Device, ulong Inode)
{
    public static Entry Missing { get; } = new(EntryKind.Missing, 0, 0, 0);

    public bool Exists => Kind != EntryKind.Missing;

    /// <summary>"a symbolic link", "a named FIFO, socket or device", for messages.</summary>
    public string Describe() => Kind switch
    {
        EntryKind.File => "a file",
        EntryKind.Directory => "a directory",
        EntryKind.SymbolicLink => "a symbolic link",
        EntryKind.Special => "a named FIFO, socket or device",
        _ => "missing",
    };
}
