namespace Renderer.Core.Sealing;

/// <summary>A certificate file as the CLI read it: its display path, and its bytes or why it could not be read.</summary>
public sealed record CertificateFile(string Path, ReadOnlyMemory<byte>? Content, string? ReadError);
