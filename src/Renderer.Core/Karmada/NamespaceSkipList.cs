using System.Text.RegularExpressions;

namespace Renderer.Core.Karmada;

/// <summary>
/// karmada-controller-manager's <c>--skipped-propagating-namespaces</c>: each pattern is anchored at both ends.
/// Patterns come from the inputs, so they run on the non-backtracking engine with a time limit.
/// </summary>
public static class NamespaceSkipList
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    /// <summary>Why a pattern cannot be used, or null.</summary>
    public static string? Check(string pattern)
    {
        try
        {
            _ = Compile(pattern);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
        catch (NotSupportedException e)
        {
            return e.Message;
        }
    }

    /// <summary>The first pattern that skips <paramref name="ns"/>, or null.</summary>
    public static string? Skipping(IReadOnlyList<string> patterns, string ns)
    {
        foreach (var pattern in patterns)
        {
            if (Check(pattern) is null && Compile(pattern).IsMatch(ns)) return pattern;
        }

        return null;
    }

    private static Regex Compile(string pattern) =>
        new("^(?:" + pattern + ")$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Limit);
}
