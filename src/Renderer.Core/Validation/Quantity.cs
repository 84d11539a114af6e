using System.Text.RegularExpressions;

namespace Renderer.Core.Validation;

/// <summary>The Kubernetes quantity grammar (resource.Quantity): a signed decimal number and an optional suffix.</summary>
public static partial class Quantity
{
    [GeneratedRegex(@"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string text) => text.Length > 0 && Pattern().IsMatch(text);
}
