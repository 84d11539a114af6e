using System.Text.RegularExpressions;
using Renderer.Core.Diagnostics;

namespace Renderer.Core.Secrets;

/// <summary>
/// Where the inputs hold Secret values, found by position (see <see cref="SecretFinder"/>), and how a text
/// meant for reading is cleaned of them: a text about a place inside a Secret value loses every quoted part,
/// and any text loses each Secret value it contains (quoted, or bare when four characters or longer).
/// </summary>
public sealed partial class SecretMap
{
    public const string Mask = "<redacted>";

    private readonly Dictionary<string, List<SecretValue>> byFile = new(StringComparer.Ordinal);
    private readonly List<string> texts;

    public SecretMap(IEnumerable<SecretValue> values)
    {
        var all = values.ToList();
        Values = all;
        foreach (var value in all)
        {
            if (!byFile.TryGetValue(value.Start.File, out var list)) byFile[value.Start.File] = list = [];
            list.Add(value);
        }

        texts = all.Select(v => v.Text).Where(t => t.Length > 0 && t != Mask).Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length).ThenBy(t => t, StringComparer.Ordinal).ToList();
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

    /// <summary><paramref name="text"/> without any Secret value; <paramref name="at"/> is the place the text is about.</summary>
    public string Redact(string text, SourceLocation at)
    {
        if (IsEmpty) return text;
        var result = Covers(at) ? Quoted().Replace(text, "\"" + Mask + "\"") : text;
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
