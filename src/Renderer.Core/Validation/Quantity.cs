using System.Text.RegularExpressions;

namespace Renderer.Core.Validation;

/// <summary>The Kubernetes quantity grammar (resource.Quantity): a signed decimal number and an optional suffix.</summary>
public static partial class Quantity
{
    /// <summary>The grammar as a regular expression, also written into the generated schemas.</summary>
    public const string PatternText = @"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string text) => text.Length > 0 && Pattern().IsMatch(text);
}
