using System.Text.RegularExpressions;
using Renderer.Core.Input;

namespace Renderer.Core.Output;

/// <summary>
/// Decides how a string is written so that every YAML reader gets the same string back: plain where no
/// YAML 1.1 or 1.2 reader would take it for something else, a literal block for multi-line text, double
/// quotes otherwise.
/// </summary>
public static partial class ScalarStyle
{
    public enum Kind
    {
        Plain,
        DoubleQuoted,
        Literal,
    }

    // YAML 1.1 readers other than Kubernetes' also know sexagesimal numbers and timestamps.
    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Sexagesimal();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPrefix();

    // YAML 1.2 core schema numbers, which the YAML 1.1 rules above do not all cover.
    [GeneratedRegex(@"^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex Yaml12Number();

    /// <summary>
    /// The style of short strings already decided on this thread: keys and values repeat across every object
    /// of a fleet, and deciding runs the YAML 1.1 resolver and three patterns. Bounded, so memory stays flat.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, Kind>? keys;

    [ThreadStatic]
    private static Dictionary<string, Kind>? values;

    private const int CachedLength = 64;
    private const int CachedEntries = 8192;

    public static Kind For(string value, bool isKey)
    {
        if (value.Length > CachedLength) return Decide(value, isKey);
        var cache = isKey ? keys ??= new(StringComparer.Ordinal) : values ??= new(StringComparer.Ordinal);
        if (cache.TryGetValue(value, out var known)) return known;
        var kind = Decide(value, isKey);
        if (cache.Count >= CachedEntries) cache.Clear();
        cache[value] = kind;
        return kind;
    }

    private static Kind Decide(string value, bool isKey)
    {
        if (value.Length == 0) return Kind.DoubleQuoted;
        if (!IsPrintable(value)) return Kind.DoubleQuoted;
        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return !isKey && CanBeLiteral(value) ? Kind.Literal : Kind.DoubleQuoted;
        }

        return NeedsQuotes(value) ? Kind.DoubleQuoted : Kind.Plain;
    }

    private static bool NeedsQuotes(string value)
    {
        if (ScalarResolver.Resolve(value).Kind != ScalarKind.String) return true;
        if (value is "<<" or "=" || Sexagesimal().IsMatch(value) || TimestampPrefix().IsMatch(value) || Yaml12Number().IsMatch(value)) return true;
        if (value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal)) return true;

        var first = value[0];
        var last = value[^1];
        if (first is ' ' or '\t' || last is ' ' or '\t' || last == ':') return true;
        switch (first)
        {
            case '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`':
                return true;
            case '-' or '?' or ':':
                if (value.Length == 1 || value[1] is ' ' or '\t') return true;
                break;
        }

        return value.Contains(": ", StringComparison.Ordinal)
            || value.Contains(" #", StringComparison.Ordinal)
            || value.Contains('\t', StringComparison.Ordinal)
            || value.Contains(":\t", StringComparison.Ordinal);
    }

    /// <summary>A literal block carries the exact string when it has no characters YAML reads as breaks or ignores.</summary>
    private static bool CanBeLiteral(string value)
    {
        var hasContent = false;
        foreach (var c in value)
        {
            if (c == '\n') continue;
            if (c == '\r' || (char.IsControl(c) && c != '\t')) return false;
            hasContent = true;
        }

        if (!hasContent) return false;

        // A tab or space starting the first content line is fine with an indentation indicator, but a
        // line of only spaces before the first content line would change the detected indentation.
        foreach (var line in value.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.Trim(' ').Length == 0) return false;
            break;
        }

        return true;
    }

    /// <summary>Characters YAML forbids raw or reads as line breaks or byte-order marks.</summary>
    public static bool IsPrintable(string value)
    {
        foreach (var c in value)
        {
            if (c is '\n' or '\t') continue;
            if (IsSpecial(c)) return false;
        }

        return true;
    }

    /// <summary>A character that must be escaped in a double-quoted scalar and cannot stand raw in any other style.</summary>
    public static bool IsSpecial(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF' or '\u0085';
}
