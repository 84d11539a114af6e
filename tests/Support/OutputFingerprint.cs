using System.Security.Cryptography;

namespace Renderer.Tests.Support;

/// <summary>One hash of every file below a directory (its relative path and content), to compare whole output trees.</summary>
public static class OutputFingerprint
{
    public static string Of(string directory)
    {
        if (!Directory.Exists(directory)) return "missing";
        var lines = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(directory, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", lines))));
    }
}
