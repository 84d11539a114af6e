using System.Globalization;
using System.Text;

namespace Renderer.Core.Diagnostics;

/// <summary>
/// Makes names readable in messages: invisible characters (zero-width spaces and joiners, bidirectional
/// controls, other format and control characters) and characters outside ASCII that look like ASCII letters
/// (Cyrillic а, Greek ο, fullwidth forms) are shown as <c>&lt;U+200B&gt;</c>, so that "cluster1" and
/// "cluster1&lt;U+200B&gt;" differ on screen as they differ to Kubernetes.
/// </summary>
public static class Visible
{
    public static string Quote(string text)
    {
        if (!text.EnumerateRunes().Any(Suspicious)) return text;
        var result = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Suspicious(rune)) result.Append("<U+").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            else result.Append(rune.ToString());
        }

        return result.ToString();
    }

    /// <summary>The text without its invisible characters (to find the name it was probably meant to be).</summary>
    public static string Strip(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => !IsInvisible(r)).Select(r => r.ToString()));

    private static bool Suspicious(Rune rune) => IsInvisible(rune) || rune.Value > 0x7E && Rune.IsLetterOrDigit(rune);

    private static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator && rune.Value != ' '
            || rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0;
    }
}
