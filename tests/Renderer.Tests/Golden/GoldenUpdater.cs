using System.Text;

namespace Renderer.Tests.Golden;

/// <summary>Rewrites an expected folder to match the rendered files: changed files rewritten, missing ones created, stale ones deleted.</summary>
public static class GoldenUpdater
{
    public const string Switch = "FEDRENDER_UPDATE_GOLDEN";

    /// <summary>Whether this run should update expected files, and why not when refused.</summary>
    public static (bool Update, string? Refusal) Mode(Func<string, string?> environment)
    {
        if (environment(Switch) != "1") return (false, null);
        return environment("CI") == "true"
            ? (false, $"{Switch}=1 is refused when CI=true: expected output changes only in a reviewed commit.")
            : (true, null);
    }

    public static void Apply(IReadOnlyDictionary<string, string> actual, string expectedDirectory, IReadOnlyList<GoldenComparison.Difference> differences)
    {
        foreach (var difference in differences)
        {
            var full = Path.Combine(expectedDirectory, difference.Path);
            if (actual.TryGetValue(difference.Path, out var content))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(full) ?? expectedDirectory);
                File.WriteAllBytes(full, Encoding.UTF8.GetBytes(content));
            }
            else
            {
                File.Delete(full);
            }
        }

        foreach (var directory in Directory.EnumerateDirectories(expectedDirectory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        }
    }
}
