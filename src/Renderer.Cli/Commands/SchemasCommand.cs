using System.CommandLine;
using System.Text;
using Renderer.Cli.Output;
using Renderer.Core;
using Renderer.Core.Diagnostics;

namespace Renderer.Cli.Commands;

/// <summary>
/// <c>fedrender schemas</c>: the JSON Schemas of every Federated&lt;Kind&gt; and KubeFed kind, for editors
/// (yaml-language-server) and kubeconform, as <c>{group}/{kind}_{version}.json</c> plus catalog.json.
/// </summary>
public sealed class SchemasCommand : VerbCommand
{
    private readonly Option<string?> output = OutputOptions.Directory(required: true, "The directory to write the schemas to: {group}/{kind}_{version}.json and catalog.json.");
    private readonly Option<string?> baseUrl = new("--base-url") { Description = "Where the directory will be served from (ending in /): catalog.json's URLs start with it. Default: URLs relative to catalog.json." };

    public override string Name => "schemas";

    public override string Description => "Write a JSON Schema for each Federated<Kind> fedrender knows (built-in kinds, and the type configs and CRDs of the inputs and --schemas) and for the KubeFed kinds, named for kubeconform's -schema-location and with a catalog.json for editors.";

    public override SharedOption Uses => SharedOption.Reading | SharedOption.Schemas;

    protected override void AddOptions(Command command)
    {
        command.Add(output);
        command.Add(baseUrl);
    }

    public override void CheckOptions(CommandRun run, List<Diagnostic> problems)
    {
        if (run.Value(baseUrl) is { } url && (!url.EndsWith('/') || !Uri.TryCreate(url, UriKind.Absolute, out _)))
        {
            problems.Add(CliDiagnostics.InvalidOption("--base-url", url, "give an absolute URL ending in /, such as https://example.com/schemas/"));
        }
    }

    public override string? ExcludedPath(CommandRun run) => run.Value(output) is { } directory ? run.FullPath(directory) : null;

    public override Outcome Execute(CommandRun run)
    {
        var given = run.Value(output) ?? string.Empty;
        var set = FederationRenderer.Schemas(run.Files, run.Options, run.Value(baseUrl) ?? string.Empty);
        run.Report(set.Diagnostics);
        if (run.Blocked) return Outcome.Fail("nothing written");

        // Every directory and file on the way is checked before anything is written: nothing is written through a link.
        var fs = run.Context.FileSystem;
        var root = run.FullPath(given);
        var targets = set.Files.Select(f => (File: f, Path: Path.Combine(root, f.RelativePath))).ToList();
        var onTheWay = new SortedSet<string>(StringComparer.Ordinal) { root };
        foreach (var (_, path) in targets)
        {
            onTheWay.Add(path);
            onTheWay.Add(Path.GetDirectoryName(path) ?? root);
        }

        foreach (var path in onTheWay)
        {
            if (fs.IsSymbolicLink(path)) run.Report(IntegrationCliDiagnostics.LinkInOutput(run.Display(Path.GetRelativePath(run.Context.CurrentDirectory, path))));
            else if (fs.FileExists(path) && !targets.Any(t => t.Path == path)) run.Report(CliDiagnostics.OutputNotADirectory(run.Display(Path.GetRelativePath(run.Context.CurrentDirectory, path)), "a file"));
        }

        if (run.Blocked) return Outcome.Fail("nothing written");
        try
        {
            foreach (var (file, path) in targets)
            {
                fs.CreateDirectory(Path.GetDirectoryName(path) ?? root);
                fs.ReplaceFile(path, Encoding.UTF8.GetBytes(file.Content));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            run.Report(CliDiagnostics.OutputWriteFailed(run.Display(given), e.Message.TrimEnd('.')));
            return Outcome.Fail("not all schemas written");
        }

        return Outcome.Done($"{DiagnosticPrinter.Plural(set.Files.Count - 1, "schema")} and {Core.Validation.EditorSchemas.CatalogFile} written to {run.Display(given)}");
    }
}
