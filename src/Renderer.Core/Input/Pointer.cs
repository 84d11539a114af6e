namespace Renderer.Core.Input;

/// <summary>Builds and splits RFC 6901 JSON pointers.</summary>
public static class Pointer
{
    public static string Escape(string segment)
    {
        if (segment.AsSpan().IndexOfAny('~', '/') < 0) return segment;
        return segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
    }

    public static string Unescape(string segment)
    {
        if (!segment.Contains('~', StringComparison.Ordinal)) return segment;
        return segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    public static string Append(string pointer, string key) => pointer + "/" + Escape(key);

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Combine(params string[] keys)
    {
        var result = string.Empty;
        foreach (var key in keys) result = Append(result, key);
        return result;
    }
}
