using System.Text.RegularExpressions;

namespace Renderer.Core.Karmada;

/// <summary>
/// A container image split as Karmada's imageOverrider splits it: registry (the first path element when it
/// holds a '.' or ':' or is <c>localhost</c>), repository, and a tag or (only when there is no tag) a digest.
/// The grammar is the image reference grammar of the distribution project; nothing is defaulted (no docker.io).
/// </summary>
public sealed record ImageReference(string Registry, string Repository, string Tag, string Digest)
{
    private static readonly Regex Reference = new(@"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*)*)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex TagPattern = new(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex DigestPattern = new(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private const int MaxNameLength = 255;

    /// <summary>The parsed image, or null with the reason.</summary>
    public static ImageReference? Parse(string image, out string problem)
    {
        problem = string.Empty;
        if (image.Length == 0)
        {
            problem = "the image is empty";
            return null;
        }

        var match = image.Length <= 4096 ? Reference.Match(image) : Match.Empty;
        if (!match.Success)
        {
            problem = image.Any(char.IsUpper) && image.ToLowerInvariant() != image ? "a repository name must be lowercase" : "it is not a valid image reference";
            return null;
        }

        var name = match.Groups["name"].Value;
        if (name.Length > MaxNameLength)
        {
            problem = $"the repository name is longer than {MaxNameLength} characters";
            return null;
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        string registry = string.Empty, repository = name;
        if (slash >= 0)
        {
            var first = name[..slash];
            if (first.AsSpan().IndexOfAny('.', ':') >= 0 || first == "localhost")
            {
                registry = first;
                repository = name[(slash + 1)..];
            }
        }

        var tag = match.Groups["tag"].Value;
        var digest = match.Groups["digest"].Value;
        return new ImageReference(registry, repository, tag, tag.Length > 0 ? string.Empty : digest) { DroppedDigest = tag.Length > 0 && digest.Length > 0 };
    }

    /// <summary>True when the image named both a tag and a digest: Karmada keeps only the tag once it rewrites it.</summary>
    public bool DroppedDigest { get; init; }

    public string TagOrDigest => Tag.Length > 0 ? Tag : Digest;

    /// <summary>Sets a tag or a digest, whichever the value is; a value that is neither changes nothing (as in Karmada).</summary>
    public ImageReference WithTagOrDigest(string value)
    {
        if (TagPattern.IsMatch(value)) return this with { Tag = value, Digest = string.Empty };
        if (DigestPattern.IsMatch(value)) return this with { Digest = value, Tag = string.Empty };
        return this;
    }

    /// <summary>Removes the tag, or the digest when there is no tag.</summary>
    public ImageReference WithoutTagOrDigest() => Tag.Length > 0 ? this with { Tag = string.Empty } : this with { Digest = string.Empty };

    public override string ToString()
    {
        var full = Registry.Length == 0 ? Repository : Registry + "/" + Repository;
        if (Tag.Length > 0) return full + ":" + Tag;
        return Digest.Length > 0 ? full + "@" + Digest : full;
    }
}
