using System.Text.RegularExpressions;
using Renderer.Core.Diagnostics;

namespace Renderer.Core.Secrets;

/// <summary>
/// Where the inputs hold Secret values, found by position (see <see cref="SecretFinder"/>), and how a text
/// meant for reading is cleaned of them: a text about a place inside a Secret value loses every quoted part,
/// and a text about a place in a document holding Secret values loses each of them (quoted, or bare when four
/// characters or longer).
/// </summary>
public sealed partial class SecretMap
{
    public const string Mask = "<redacted>";

    private readonly Dictionary<string, List<SecretValue>> byFile = new(StringComparer.Ordinal);

    public SecretMap(IEnumerable<SecretValue> values)
    {
        var all = values.ToList();
        Values = all;
        foreach (var value in all)
        {
            if (!byFile.TryGetValue(value.Start.File, out var list)) byFile[value.Start.File] = list = [];
            list.Add(value);
        }
    }

    public static SecretMap Empty { get; } = new([]);

    public IReadOnlyList<SecretValue> Values { get; }

    public bool IsEmpty => Values.Count == 0;

    /// <summary>Both maps' values.</summary>
    public SecretMap With(SecretMap other) => other.IsEmpty ? this : IsEmpty ? other : new SecretMap(Values.Concat(other.Values));

    /// <summary>Whether <paramref name="at"/> lies within a Secret value, from its first character to its last.</summary>
    public bool Covers(SourceLocation at)
    {
        if (at.Line <= 0 || !byFile.TryGetValue(at.File, out var values)) return false;
        return values.Any(v => Compare(at, v.Start) >= 0 && Compare(at, v.End) <= 0 || Compare(at, v.Start) == 0);
    }

    private static int Compare(SourceLocation a, SourceLocation b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);

    /// <summary>
    /// <paramref name="text"/> without any Secret value, where <paramref name="at"/> is the place the text is
    /// about: on a value, every quoted part goes; inside a document that holds Secret values, each of that
    /// document's values goes. A text about another place is left alone: it cannot be about those values.
    /// </summary>
    public string Redact(string text, SourceLocation at)
    {
        if (IsEmpty || at.Line <= 0 || !byFile.TryGetValue(at.File, out var inFile)) return text;
        var result = Covers(at) ? Quoted().Replace(text, "\"" + Mask + "\"") : text;
        var texts = inFile.Where(v => at.Line >= v.DocumentFirstLine && at.Line < v.DocumentEndLine).Select(v => v.Text)
            .Where(t => t.Length > 0 && t != Mask).Distinct(StringComparer.Ordinal).OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal);
        foreach (var value in texts)
        {
            result = result.Replace("\"" + value + "\"", "\"" + Mask + "\"", StringComparison.Ordinal);
            if (value.Length >= 4) result = result.Replace(value, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex Quoted();
}
