namespace Renderer.Cli.FileSystem;

/// <summary>A path that is not what it must be to be opened safely: a link, a FIFO, a device, or a file that changed while it was opened.</summary>
public sealed class UnsafeEntryException(string path, Entry entry) : IOException($"{path} is {entry.Describe()}")
{
    public string Path => path;

    public Entry Entry => entry;
}
