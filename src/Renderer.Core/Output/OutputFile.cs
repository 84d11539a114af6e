using System.Security.Cryptography;
using System.Text;

namespace Renderer.Core.Output;

/// <summary>
/// One file of a cluster's output directory: a path relative to that directory (forward slashes) and its text.
/// Its UTF-8 bytes and their SHA-256 are worked out at most once, however many clusters share the file, so a
/// writer can compare them with hashes it recorded before without reading the files again.
/// </summary>
public sealed record OutputFile(string RelativePath, string Content)
{
    private byte[]? utf8;
    private string? hash;

    /// <summary>The bytes written to disk: <see cref="Content"/> as UTF-8, without a byte order mark.</summary>
    public ReadOnlyMemory<byte> Utf8 => utf8 ??= Encoding.UTF8.GetBytes(Content);

    /// <summary>The SHA-256 of <see cref="Utf8"/>, as 64 lower-case hex digits.</summary>
    public string ContentHash => hash ??= HashOf(Utf8.Span);

    /// <summary>The hash <see cref="ContentHash"/> gives for these bytes, for files read back from disk.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public bool Equals(OutputFile? other) =>
        other is not null && string.Equals(RelativePath, other.RelativePath, StringComparison.Ordinal) && string.Equals(Content, other.Content, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(RelativePath, Content);
}
