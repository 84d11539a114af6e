namespace Renderer.Core.Diagnostics;

/// <summary>A 1-based position in an input file. Line and column 0 mean "the whole file".</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation None { get; } = new(string.Empty, 0, 0);

    public static SourceLocation OfFile(string file) => new(file, 0, 0);

    public bool IsNone => File.Length == 0;

    public override string ToString() =>
        Line > 0 ? $"{File}({Line.ToString(System.Globalization.CultureInfo.InvariantCulture)},{Column.ToString(System.Globalization.CultureInfo.InvariantCulture)})" : File;
}
