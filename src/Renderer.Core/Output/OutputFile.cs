using System.Security.Cryptography;
using System.Text;

namespace Renderer.Core.Output;

/// <summary>
/// One file of a cluster's output directory: a path relative to that directory (forward slashes) and its text.
/// Its UTF-8 bytes and their SHA-256 are worked out at most once, however many clusters share the file, so a
/// writer can compare them with hashes it recorded before without reading the files again. A file made from
/// its bytes (<see cref="FromUtf8"/>, as a render makes every object's file) keeps only them, a third of what
/// the text and the bytes together take, and decodes <see cref="Content"/> when it is asked for.
/// </summary>
public sealed class OutputFile : IEquatable<OutputFile>
{
    private readonly string? text;
    private byte[]? utf8;
    private string? hash;

    public OutputFile(string relativePath, string content)
    {
        RelativePath = relativePath;
        text = content;
    }

    private OutputFile(string relativePath, byte[] content)
    {
        RelativePath = relativePath;
        utf8 = content;
    }

    /// <summary>A file from its UTF-8 bytes (without a byte order mark), which it keeps instead of the text.</summary>
    public static OutputFile FromUtf8(string relativePath, byte[] content) => new(relativePath, content);

    public string RelativePath { get; }

    /// <summary>The file's text.</summary>
    public string Content => text ?? Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The bytes written to disk: <see cref="Content"/> as UTF-8, without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Utf8 => utf8 ??= Encoding.UTF8.GetBytes(text ?? string.Empty);

    /// <summary>The SHA-256 of <see cref="Utf8"/>, as 64 lower-case hex digits.</summary>
    public string ContentHash => hash ??= HashOf(Utf8.Span);

    /// <summary>The hash <see cref="ContentHash"/> gives for these bytes, for files read back from disk.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public bool Equals(OutputFile? other) =>
        other is not null && string.Equals(RelativePath, other.RelativePath, StringComparison.Ordinal) && Utf8.Span.SequenceEqual(other.Utf8.Span);

    public override bool Equals(object? obj) => Equals(obj as OutputFile);

    public override int GetHashCode() => HashCode.Combine(RelativePath, ContentHash);

    public override string ToString() => RelativePath;
}
