namespace Renderer.Tests.Support;

/// <summary>Copies and reads folders of files for the tests that work on the real disk.</summary>
public static class FileTree
{
    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>, except those <paramref name="skip"/> names by relative path.</summary>
    public static void Copy(string from, string to, Func<string, bool>? skip = null)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip?.Invoke(relative.Replace('\\', '/')) == true) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target) ?? to);
            File.Copy(file, target);
        }
    }
}
