namespace Renderer.Cli.FileSystem;

/// <summary>A file that holds more bytes than a read may take; counted as they are read, not from the size the file reports.</summary>
public sealed class FileTooLargeException(string path, long limit) : IOException($"{path} holds more than {limit} bytes")
{
    public long Limit => limit;
}
