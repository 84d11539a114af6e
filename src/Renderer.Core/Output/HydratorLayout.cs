using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Renderer.Core.Output;

/// <summary>
/// The layout Argo CD's Source Hydrator commits and syncs from (its commit server's format): per cluster a
/// <c>manifest.yaml</c> with every object in apply order as one YAML stream, a <c>hydrator.metadata</c> JSON
/// file (the dry repository, the dry commit and the command that renders the directory) and a
/// <c>README.md</c> saying how to reproduce it; at the root a <c>hydrator.metadata</c> with the dry
/// repository and commit, and a <c>.gitattributes</c> that marks the metadata and READMEs as generated.
/// </summary>
/// <param name="RepoUrl">The dry repository's URL (<c>--repo-url</c>), or null.</param>
/// <param name="DrySha">The dry commit (<c>--dry-sha</c>), or null.</param>
/// <param name="RenderArguments">The inputs (and options) of the render, as typed, for the reproduce command.</param>
public sealed record HydratorLayout(string? RepoUrl, string? DrySha, IReadOnlyList<string> RenderArguments) : OutputLayout
{
    public const string LayoutName = "hydrator";
    public const string ManifestFile = "manifest.yaml";
    public const string MetadataFile = "hydrator.metadata";
    public const string ReadmeFile = "README.md";
    public const string GitAttributesFile = ".gitattributes";

    /// <summary>The names of <see cref="RootFiles"/>, sorted, whatever the metadata holds.</summary>
    public static IReadOnlyList<string> RootNames { get; } = [GitAttributesFile, MetadataFile];

    public override string Name => LayoutName;

    public override IReadOnlyList<OutputFile> ClusterFiles(string cluster, IReadOnlyList<OutputFile> emitted)
    {
        // A YAML stream as a YAML encoder writes one: documents separated by "---", none before the first.
        var separator = "---\n"u8;
        var manifest = new byte[emitted.Sum(f => f.Utf8.Length) + (Math.Max(emitted.Count, 1) - 1) * separator.Length];
        var at = 0;
        for (var i = 0; i < emitted.Count; i++)
        {
            if (i > 0)
            {
                separator.CopyTo(manifest.AsSpan(at));
                at += separator.Length;
            }

            emitted[i].Utf8.Span.CopyTo(manifest.AsSpan(at));
            at += emitted[i].Utf8.Length;
        }

        var command = Command(cluster);
        return
        [
            new OutputFile(ReadmeFile, Readme(command)),
            new OutputFile(MetadataFile, Metadata([command])),
            OutputFile.FromUtf8(ManifestFile, manifest),
        ];
    }

    /// <summary>The root <c>.gitattributes</c> and <c>hydrator.metadata</c>.</summary>
    public override IReadOnlyList<OutputFile> RootFiles =>
    [
        // "**/" matches at every depth, the root included; manifest.yaml stays a normal, reviewable file.
        new OutputFile(GitAttributesFile, $"**/{ReadmeFile} linguist-generated=true\n**/{MetadataFile} linguist-generated=true\n"),
        new OutputFile(MetadataFile, Metadata(null)),
    ];

    /// <summary>The command that prints the cluster's objects again, from a checkout of the dry commit.</summary>
    public string Command(string cluster) =>
        string.Join(' ', new[] { "fedrender", "render" }.Concat(RenderArguments).Concat(["--cluster", cluster, "--stdout"]).Select(Quote));

    /// <summary>Why <paramref name="sha"/> is not a commit id (4 to 64 hexadecimal digits), or null.</summary>
    public static string? CheckDrySha(string sha) =>
        sha.Length is >= 4 and <= 64 && sha.All(char.IsAsciiHexDigit) ? null : "give the dry commit's id: 4 to 64 hexadecimal digits, such as the output of git rev-parse HEAD";

    /// <summary>Why <paramref name="url"/> cannot go into the metadata and README (empty, too long, spaces or control characters), or null.</summary>
    public static string? CheckRepoUrl(string url) =>
        url.Length is > 0 and <= 2048 && !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '`')
            ? null
            : "give the dry repository's clone URL, such as https://git.example.com/platform/fleet.git (no spaces, backquotes or control characters, at most 2048 characters)";

    private string Metadata(IReadOnlyList<string>? commands)
    {
        // Argo CD's field names and order; empty fields are left out.
        var metadata = new JsonObject();
        if (!string.IsNullOrEmpty(RepoUrl)) metadata["repoURL"] = RepoUrl;
        if (!string.IsNullOrEmpty(DrySha)) metadata["drySha"] = DrySha;
        if (commands is { Count: > 0 }) metadata["commands"] = new JsonArray(commands.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray());
        return JsonText.Of(metadata);
    }

    private string Readme(string command)
    {
        var text = new StringBuilder();
        text.Append("# Manifest Hydration\n\n");
        text.Append("fedrender rendered the objects in manifest.yaml from KubeFed documents. To render them again:\n\n");
        text.Append("```shell\n");
        if (!string.IsNullOrEmpty(RepoUrl)) text.Append("git clone ").Append(Quote(RepoUrl)).Append('\n').Append("# then, inside the clone:\n");
        if (!string.IsNullOrEmpty(DrySha)) text.Append("git checkout ").Append(DrySha).Append('\n');
        text.Append(command).Append('\n');
        text.Append("```\n");
        return text.ToString();
    }

    /// <summary>POSIX shell quoting: plain words as they are, anything else in single quotes.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '+' or ',')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
