using System.Reflection;
using System.Text.RegularExpressions;
using Renderer.Core.Diagnostics;
using Renderer.Tests.Support;

namespace Renderer.Tests.Docs;

/// <summary>Keeps docs/diagnostics.md in step with the diagnostic factories of every assembly.</summary>
public sealed partial class DiagnosticsCatalogTests
{
    [GeneratedRegex(@"^## (FR\d{4}): .+\r?\nSeverity: (error|warning|info)\r?$", RegexOptions.Multiline)]
    private static partial Regex Entry();

    private static IReadOnlyList<(string Code, Severity Severity, string Factory)> Factories()
    {
        var assemblies = new[] { typeof(Diagnostic).Assembly, typeof(Renderer.Cli.Program).Assembly };
        var result = new List<(string, Severity, string)>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Name.EndsWith("Diagnostics", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Diagnostic)))
            {
                var arguments = method.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
                var diagnostic = (Diagnostic?)method.Invoke(null, arguments) ?? throw new InvalidOperationException(method.Name);
                result.Add((diagnostic.Code, diagnostic.Severity, $"{type.Name}.{method.Name}"));
            }
        }

        return result;
    }

    private static object? Sample(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(SourceLocation) ? new SourceLocation("f.yaml", 1, 1)
        : type == typeof(int) ? 1
        : type == typeof(long) ? 1L
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;

    [Fact]
    public void EveryCodeHasExactlyOneFactory()
    {
        var duplicates = Factories().GroupBy(f => f.Code).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Factory))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void DocsListEveryCodeWithItsSeverityAndNothingElse()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md"));
        var documented = Entry().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);
        var actual = Factories().ToDictionary(f => f.Code, f => f.Severity.ToString().ToLowerInvariant(), StringComparer.Ordinal);
        Assert.Equal(actual.OrderBy(p => p.Key, StringComparer.Ordinal), documented.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
