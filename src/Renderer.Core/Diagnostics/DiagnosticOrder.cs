namespace Renderer.Core.Diagnostics;

/// <summary>The one order diagnostics are reported in: by file, line, column, code, then message.</summary>
public sealed class DiagnosticOrder : IComparer<Diagnostic>
{
    public static DiagnosticOrder Instance { get; } = new();

    public int Compare(Diagnostic? x, Diagnostic? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var c = string.CompareOrdinal(x.Location.File, y.Location.File);
        if (c != 0) return c;
        c = x.Location.Line.CompareTo(y.Location.Line);
        if (c != 0) return c;
        c = x.Location.Column.CompareTo(y.Location.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Code, y.Code);
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Cluster ?? string.Empty, y.Cluster ?? string.Empty);
        return c != 0 ? c : string.CompareOrdinal(x.Message, y.Message);
    }

    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.Distinct().ToList();
        list.Sort(Instance);
        return list;
    }
}
