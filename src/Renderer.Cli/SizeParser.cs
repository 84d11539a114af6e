using System.Globalization;

namespace Renderer.Cli;

/// <summary>Parses sizes such as <c>1048576</c>, <c>512KiB</c>, <c>64MiB</c>, <c>1GiB</c> (also KB/MB/GB as powers of 1000).</summary>
public static class SizeParser
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var trimmed = text.Trim();
        var factor = 1L;
        foreach (var (suffix, value) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                factor = value;
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                break;
            }
        }

        if (!long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number <= 0) return false;
        if (number > long.MaxValue / factor) return false;
        bytes = number * factor;
        return true;
    }
}
