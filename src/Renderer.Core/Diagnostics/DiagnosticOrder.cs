namespace Renderer.Core.Diagnostics;

/// <summary>The one order diagnostics are reported in: by file, line, column, code, cluster, message, then severity.</summary>
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
        if (c != 0) return c;
        c = string.CompareOrdinal(x.Message, y.Message);
        return c != 0 ? c : x.Severity.CompareTo(y.Severity);
    }

    /// <summary>Sorted, each diagnostic once: equal ones are neighbours once sorted, so no hash of every message is needed.</summary>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        list.Sort(Instance);
        var kept = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (kept > 0 && Instance.Compare(list[kept - 1], list[i]) == 0) continue;
            list[kept++] = list[i];
        }

        list.RemoveRange(kept, list.Count - kept);
        return list;
    }
}
